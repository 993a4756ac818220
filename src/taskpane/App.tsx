/**
 * The task pane: read and audit the workbook, rebalance, compare scenarios, review moves, write
 * back. The same App runs in Excel and on the standalone page; the host decides where data comes
 * from and goes to, and everything arrives as props.
 */
import * as React from 'react';
import { labelOf, repLabels } from '../core/report/common';
import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookHost } from '../hosts/workbookHost';
import { ColumnMappingView } from './components/ColumnMappingView';
import { DataChecklist } from './components/DataChecklist';
import { MovesTable } from './components/MovesTable';
import { OpenWorkbook } from './components/OpenWorkbook';
import { OutputActions } from './components/OutputActions';
import { ProblemsList } from './components/ProblemsList';
import { RebalanceControls } from './components/RebalanceControls';
import { ScenarioComparison } from './components/ScenarioComparison';
import { TriggerAudit } from './components/TriggerAudit';
import { TerritoryMap } from './TerritoryMap';
import { canOptimize, selectedPlan, usePane, type PaneOptimizer } from './usePane';

export type PaneMode = 'excel' | 'standalone';

export interface AppProps {
  mode: PaneMode;
  host: WorkbookHost;
  optimizer: PaneOptimizer;
  /** Standalone page: loads the chosen .xlsx into the host (nothing leaves the machine). */
  openFile?: (file: File) => Promise<void>;
  /** Clock for the "generated at" stamp on the sheets (tests fix it). */
  now?: () => Date;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '1100px' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const BUSY_TEXT = {
  reading: 'Reading the workbook...',
  optimizing: 'Optimizing...',
  writing: 'Writing the sheets...',
  applying: 'Applying the scenario...',
  undoing: 'Restoring the previous owners...',
} as const;

export function App({ mode, host, optimizer, openFile, now }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, actions] = usePane(host, optimizer, now);
  const [fileName, setFileName] = React.useState<string | null>(null);
  const [openError, setOpenError] = React.useState<string | null>(null);
  const { data, audit, result, busy } = state;
  const plan = selectedPlan(state);
  // the report's rep labels ("Name (ID)" when names repeat), so the pane and the sheets name reps alike
  const labels = React.useMemo(() => repLabels(data?.reps ?? []), [data]);
  const repName = React.useCallback((id: string | null) => labelOf(labels, id), [labels]);

  // Read once when the pane opens in Excel; the standalone page waits for a file.
  const loadedOnce = React.useRef(false);
  React.useEffect(() => {
    if (mode !== 'excel' || loadedOnce.current) return;
    loadedOnce.current = true;
    void actions.load();
  }, [mode, actions]);

  const onFile = async (file: File) => {
    if (!openFile) return;
    setOpenError(null);
    try {
      await openFile(file);
      setFileName(file.name);
    } catch (e) {
      setOpenError(e instanceof Error ? e.message : String(e));
      return;
    }
    await actions.load();
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{mode === 'excel' ? 'Territory Rebalancer' : 'Territory Rebalancer (standalone)'}</Title2>
        <Text size={200}>
          {mode === 'excel'
            ? 'Audits the Accounts and Reps tables of this workbook and proposes account moves.'
            : 'Open a workbook from this computer. Everything runs in this page; nothing is uploaded.'}
        </Text>
      </header>

      {mode === 'standalone' && <OpenWorkbook fileName={fileName} disabled={busy !== null} onFile={onFile} />}
      {mode === 'excel' && (
        <div>
          <Button onClick={() => void actions.load()} disabled={busy !== null}>
            Read workbook again
          </Button>
        </div>
      )}

      {(state.error || openError) && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{openError ?? state.error}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                onClick={() => {
                  setOpenError(null);
                  actions.dismissError();
                }}
              >
                Dismiss
              </Button>
            }
          />
        </MessageBar>
      )}
      {state.status && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{state.status}</MessageBarBody>
        </MessageBar>
      )}
      {busy && busy !== 'optimizing' && busy !== 'writing' && <Spinner size="tiny" label={BUSY_TEXT[busy]} />}
      {busy === 'writing' && (
        <Field label={BUSY_TEXT.writing}>
          <ProgressBar value={state.writeFraction ?? undefined} max={1} />
        </Field>
      )}

      {data && <DataChecklist checklist={data.checklist} potentialModel={data.potentialModel} />}
      {data && <ColumnMappingView mapping={data.mapping} headers={state.headers} onChange={actions.changeMapping} disabled={busy !== null} />}
      {audit && <TriggerAudit audit={audit} repName={repName} />}
      {data && <Divider />}
      {data && (
        <RebalanceControls
          running={busy === 'optimizing'}
          canRun={canOptimize(data) && audit !== null && busy === null}
          progress={state.progress}
          onRebalance={() => void actions.rebalance()}
          onCancel={actions.cancel}
        />
      )}
      {result && <ScenarioComparison plans={result.plans} selected={state.selected} onSelect={actions.select} notes={result.notes} />}
      {data && plan && <MovesTable plan={plan} accounts={data.accounts} repName={repName} />}
      {data && (
        <OutputActions
          busy={busy !== null}
          hasResult={result !== null}
          canUndo={mode === 'excel' || fileName !== null}
          scenarioName={plan?.scenario.name ?? null}
          writeLabel={mode === 'excel' ? 'Write sheets' : 'Download workbook with sheets'}
          onWrite={() => void actions.writeSheets()}
          onApply={() => void actions.apply()}
          onUndo={() => void actions.undo()}
        />
      )}
      {data && <TerritoryMap accounts={data.accounts} reps={data.reps} after={plan?.owners ?? null} scenarioName={plan?.scenario.name} />}
      {data && <ProblemsList problems={data.problems} />}
    </main>
  );
}
