/** A cluster name that never wraps ("stagi ng"). */
export function ClusterName(props: { name: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{props.name}</span>;
}
