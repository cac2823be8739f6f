/** Where the scaffolder serves the promote template (built beside this plugin). */
export const PROMOTE_TEMPLATE_PATH = '/create/templates/default/carvel-promote';

/** The promote template, its form filled with this PackageInstall's package, cluster and running version. */
export function promoteTemplateUrl(options: {
  packageName: string;
  from: string;
  version: string;
}): string {
  const formData = JSON.stringify({
    packageName: options.packageName,
    from: options.from,
    version: options.version,
  });
  return `${PROMOTE_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}
