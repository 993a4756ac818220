/** Every problem the reader or the optimizer reported, located as `Sheet!Cell: message`. */
import * as React from 'react';
import { Badge, Text } from '@fluentui/react-components';
import { formatProblem, type Problem } from '../../core/model';

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const SHOWN = 200;

export function ProblemsList({ problems }: { problems: Problem[] }): React.JSX.Element {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">
        Problems ({problems.length}
        {errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''})
      </h2>
      {problems.length === 0 ? (
        <Text>No problems found in the data.</Text>
      ) : (
        <ul aria-labelledby="problems-title" style={{ paddingLeft: 0, listStyle: 'none' }}>
          {problems.slice(0, SHOWN).map((p, i) => (
            <li key={i}>
              <Badge appearance="tint" size="small" color={SEVERITY_COLOR[p.severity]}>
                {p.severity}
              </Badge>{' '}
              <Text>{formatProblem(p)}</Text>
            </li>
          ))}
        </ul>
      )}
      {problems.length > SHOWN && <Text size={200}>Showing the first {SHOWN} of {problems.length}.</Text>}
    </section>
  );
}
