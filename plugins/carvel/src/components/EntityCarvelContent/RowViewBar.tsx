import { ChangeEvent, useId } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { RowSort, RowStatus, RowView } from '../../rowView';
import { carvelTranslationRef } from '../../translation';
import { carvelStatusLabelKey } from '../CarvelStatusLabel';

function Choice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      variant="outlined"
      label={props.label}
      value={props.value}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        props.onChange(String(event.target.value))
      }
      SelectProps={{ native: true }}
      // A native select shows its first option ('All', value '') as text: the label must not sit on it.
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 160 }}
    >
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** Filter the tab's rows by cluster and status, and sort them. */
export function RowViewBar(props: {
  view: RowView;
  clusters: string[];
  statuses: RowStatus[];
  onChange: (view: RowView) => void;
}) {
  const { view, clusters, statuses, onChange } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const all = { value: '', label: t('filters.all') };
  return (
    <Box display="flex" style={{ gap: 16 }} flexWrap="wrap">
      <Choice
        label={t('filters.cluster')}
        value={view.cluster ?? ''}
        onChange={cluster =>
          onChange({ ...view, cluster: cluster || undefined })
        }
        options={[all, ...clusters.map(name => ({ value: name, label: name }))]}
      />
      <Choice
        label={t('filters.status')}
        value={view.status ?? ''}
        onChange={status =>
          onChange({ ...view, status: (status || undefined) as RowStatus })
        }
        options={[
          all,
          ...statuses.map(status => ({
            value: status,
            label:
              status === 'error'
                ? t('filters.error')
                : t(carvelStatusLabelKey(status)),
          })),
        ]}
      />
      <Choice
        label={t('filters.sortBy')}
        value={view.sort}
        onChange={sort => onChange({ ...view, sort: sort as RowSort })}
        options={[
          { value: 'configured', label: t('filters.sortConfigured') },
          { value: 'cluster', label: t('filters.sortCluster') },
          { value: 'status', label: t('filters.sortStatus') },
        ]}
      />
    </Box>
  );
}
