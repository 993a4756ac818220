/** The Rebalance button, and while the optimizer runs: its progress and a Cancel button. */
import * as React from 'react';
import { Button, Field, ProgressBar } from '@fluentui/react-components';
import type { OptimizeProgress } from '../../core/optimize/api';

export interface RebalanceControlsProps {
  running: boolean;
  /** False until the workbook has been read without blocking errors. */
  canRun: boolean;
  progress: OptimizeProgress | null;
  onRebalance: () => void;
  onCancel: () => void;
}

export function RebalanceControls({ running, canRun, progress, onRebalance, onCancel }: RebalanceControlsProps): React.JSX.Element {
  return (
    <section aria-label="Rebalance">
      <Button appearance="primary" onClick={onRebalance} disabled={running || !canRun}>
        Rebalance
      </Button>{' '}
      {running && (
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Field
            label="Optimizer progress"
            validationState="none"
            validationMessage={progress ? `${progress.scenario}: ${progress.message}` : 'Starting the optimizer...'}
          >
            <ProgressBar value={progress ? progress.fraction : undefined} max={1} thickness="large" />
          </Field>
        </>
      )}
    </section>
  );
}
