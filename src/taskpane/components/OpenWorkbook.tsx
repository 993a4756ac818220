/** Standalone page: choose a local .xlsx (read with FileReader in this page; nothing is uploaded). */
import * as React from 'react';
import { Field, Text } from '@fluentui/react-components';

export interface OpenWorkbookProps {
  fileName: string | null;
  disabled?: boolean;
  onFile: (file: File) => void | Promise<void>;
}

export function OpenWorkbook({ fileName, disabled, onFile }: OpenWorkbookProps): React.JSX.Element {
  const id = React.useId();
  return (
    <section aria-label="Open a workbook">
      <Field label="Workbook (.xlsx)" hint="Needs an Accounts table and a Reps table; a Settings table is optional.">
        <input
          id={id}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          data-testid="workbook-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </Field>
      {fileName && <Text size={200}>Open: {fileName}</Text>}
    </section>
  );
}
