import { useApi } from '@backstage/core-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useMemo, useState } from 'react';
import { carvelApiRef } from '../../../api';
import { FieldErrors } from '../FieldErrors';
import { useCarvelLoad } from '../useCarvelLoad';
import { filterPackages } from './filterPackages';

const MAX_SHOWN = 50;

function describeVersions(versions: string[], clusters: string[]): string {
  const newest = versions[0] ? `newest ${versions[0]}` : 'no version known';
  const where = clusters.length ? ` · ${clusters.join(', ')}` : '';
  return `${versions.length} version${
    versions.length === 1 ? '' : 's'
  }, ${newest}${where}`;
}

/** `ui:field: CarvelPackagePicker`: a package from `GET /packages`, searchable; the value is its refName. */
export function CarvelPackagePicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  const carvelApi = useApi(carvelApiRef);
  const packages = useCarvelLoad('packages', () => carvelApi.getPackages());
  const [search, setSearch] = useState('');
  const matching = useMemo(
    () => filterPackages(packages.value?.items ?? [], search),
    [packages.value, search],
  );
  const title = schema.title ?? 'Package';
  const fieldId = idSchema?.$id ?? 'carvel-package-picker';
  const listId = `${fieldId}-options`;

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length}
      data-testid="carvel-package-picker"
    >
      <FormLabel>{title}</FormLabel>
      <TextField
        id={`${fieldId}-search`}
        label="Search packages"
        value={search}
        onChange={event => setSearch(event.target.value)}
        inputProps={{ 'aria-controls': listId }}
        helperText={formData ? `Chosen: ${formData}` : 'Nothing chosen yet'}
      />
      {packages.loading && <LinearProgress />}
      {packages.error && (
        <FormHelperText error>
          Could not list the packages: {packages.error.message}
        </FormHelperText>
      )}
      {packages.value && (
        <List id={listId} role="listbox" aria-label={title} dense>
          {matching.slice(0, MAX_SHOWN).map(item => (
            <ListItem
              key={item.packageName}
              button
              role="option"
              aria-selected={item.packageName === formData}
              selected={item.packageName === formData}
              onClick={() => onChange(item.packageName)}
            >
              <ListItemText
                primary={item.packageName}
                secondary={describeVersions(item.versions, item.clusters)}
              />
            </ListItem>
          ))}
          {matching.length === 0 && (
            <ListItem>
              <ListItemText
                primary={
                  packages.value.items.length === 0
                    ? 'No package is known from the GitOps repository or the clusters'
                    : 'No package matches the search'
                }
              />
            </ListItem>
          )}
          {matching.length > MAX_SHOWN && (
            <ListItem>
              <ListItemText
                secondary={`${
                  matching.length - MAX_SHOWN
                } more: refine the search`}
              />
            </ListItem>
          )}
        </List>
      )}
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      <FieldErrors errors={rawErrors} />
    </FormControl>
  );
}
