/** Write the output sheets, Apply the chosen scenario's owners, Undo the last Apply. */
import * as React from 'react';
import { Button, Tooltip } from '@fluentui/react-components';

export interface OutputActionsProps {
  busy: boolean;
  hasResult: boolean;
  /** False on the standalone page until a workbook is open. */
  canUndo: boolean;
  scenarioName: string | null;
  /** Host wording: "Write sheets" in Excel, "Download workbook" on the standalone page. */
  writeLabel: string;
  onWrite: () => void;
  onApply: () => void;
  onUndo: () => void;
}

export function OutputActions(props: OutputActionsProps): React.JSX.Element {
  const { busy, hasResult, canUndo, scenarioName, writeLabel, onWrite, onApply, onUndo } = props;
  return (
    <section aria-label="Write back">
      <Button onClick={onWrite} disabled={busy || !hasResult}>
        {writeLabel}
      </Button>{' '}
      <Tooltip content="Write the chosen scenario's owners into the Accounts table (the previous owners are kept for Undo)" relationship="description">
        <Button onClick={onApply} disabled={busy || !hasResult || scenarioName === null}>
          {scenarioName ? `Apply ${scenarioName}` : 'Apply'}
        </Button>
      </Tooltip>{' '}
      <Button onClick={onUndo} disabled={busy || !canUndo}>
        Undo last apply
      </Button>
    </section>
  );
}
