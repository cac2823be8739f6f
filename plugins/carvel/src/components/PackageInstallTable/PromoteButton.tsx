import { LinkButton } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { carvelTranslationRef } from '../../translation';
import { promoteTemplateUrl } from './promoteTemplateUrl';

/** Opens the promote template with this package, cluster and version filled in. */
export function PromoteButton(props: {
  packageName: string;
  cluster: string;
  version: string;
}) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <LinkButton
      size="small"
      variant="outlined"
      color="primary"
      style={{ whiteSpace: 'nowrap' }}
      to={promoteTemplateUrl({
        packageName: props.packageName,
        from: props.cluster,
        version: props.version,
      })}
      title={t('packageTable.promoteTitle', {
        version: props.version,
        cluster: props.cluster,
      })}
    >
      {t('packageTable.promote')}
    </LinkButton>
  );
}
