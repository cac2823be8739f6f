import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ClusterSummary } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../../../api';
import { FieldErrors } from '../FieldErrors';
import { readSiblingString } from '../formContextValue';
import { useCarvelLoad } from '../useCarvelLoad';
import { chosenClusterNames, clusterPickerValue } from './clusterPickerValue';

export interface CarvelClusterPickerOptions {
  /** `false`: one cluster, the value is its name; default: several, the value is a list of names. */
  multiple?: boolean;
  /** The form field holding the package refName, to mark the clusters that know it; default `packageName`. */
  packageNameField?: string;
}

function ClusterLabel(props: {
  cluster: ClusterSummary;
  packageName?: string;
  knowsPackage: boolean;
}) {
  const { cluster, packageName, knowsPackage } = props;
  return (
    <span data-testid={`carvel-cluster-${cluster.name}`}>
      {cluster.name} <em>({cluster.state})</em>
      {knowsPackage && ` · has ${packageName}`}
      {cluster.state === 'error' && (
        <FormHelperText error component="span" style={{ display: 'block' }}>
          In error{cluster.error ? `: ${cluster.error}` : ''}. Still selectable:
          git is written now and kapp-controller applies it when the cluster
          answers again.
        </FormHelperText>
      )}
    </span>
  );
}

/** `ui:field: CarvelClusterPicker`: run clusters from `GET /clusters` with their state. */
export function CarvelClusterPicker(
  props: FieldExtensionComponentProps<
    string[] | string,
    CarvelClusterPickerOptions
  >,
) {
  const { formData, onChange, schema, rawErrors, required, uiSchema } = props;
  const multiple = uiSchema?.['ui:options']?.multiple !== false;
  const carvelApi = useApi(carvelApiRef);
  const clusters = useCarvelLoad('clusters', () => carvelApi.getClusters());
  const packageName = readSiblingString(
    props,
    'packageNameField',
    'packageName',
  );
  const packages = useCarvelLoad(packageName && 'packages', () =>
    carvelApi.getPackages(),
  );
  const knowing = new Set(
    packages.value?.items.find(p => p.packageName === packageName)?.clusters,
  );
  const label = (cluster: ClusterSummary) => (
    <ClusterLabel
      cluster={cluster}
      packageName={packageName}
      knowsPackage={knowing.has(cluster.name)}
    />
  );
  const chosen = chosenClusterNames(formData);
  const items = clusters.value?.items ?? [];
  const title = schema.title ?? (multiple ? 'Clusters' : 'Cluster');

  const toggle = (name: string, checked: boolean) => {
    const names = checked
      ? [...chosen.filter(n => n !== name), name]
      : chosen.filter(n => n !== name);
    onChange(clusterPickerValue(names, multiple));
  };

  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length}
      data-testid="carvel-cluster-picker"
    >
      <FormLabel component="legend">{title}</FormLabel>
      {clusters.loading && <LinearProgress />}
      {clusters.error && (
        <FormHelperText error>
          Could not list the clusters: {clusters.error.message}
        </FormHelperText>
      )}
      {clusters.value && items.length === 0 && (
        <FormHelperText>
          No cluster is configured in the Carvel backend.
        </FormHelperText>
      )}
      {multiple ? (
        <FormGroup>
          {items.map(cluster => (
            <FormControlLabel
              key={cluster.name}
              control={
                <Checkbox
                  checked={chosen.includes(cluster.name)}
                  onChange={event => toggle(cluster.name, event.target.checked)}
                  name={cluster.name}
                />
              }
              label={label(cluster)}
            />
          ))}
        </FormGroup>
      ) : (
        <RadioGroup
          aria-label={title}
          value={chosen[0] ?? ''}
          onChange={event => onChange(event.target.value)}
        >
          {items.map(cluster => (
            <FormControlLabel
              key={cluster.name}
              value={cluster.name}
              control={<Radio />}
              label={label(cluster)}
            />
          ))}
        </RadioGroup>
      )}
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      <FieldErrors errors={rawErrors} />
    </FormControl>
  );
}
