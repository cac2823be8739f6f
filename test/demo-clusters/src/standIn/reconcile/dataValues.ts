import type { Secret } from '@carvel-gitops/plugin-carvel-common';

/** One data values file as ytt gets it: a key of a values Secret. */
export interface DataValuesFile {
  name: string;
  secretName: string;
  content: string;
}

export type DataValuesFiles =
  | { files: DataValuesFile[]; error?: undefined }
  | { error: string };

/** A Secret's keys with their text, as the API server stores them (stringData merged into data). */
function secretTexts(secret: Secret): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(secret.data ?? {})) {
    texts.set(key, Buffer.from(value, 'base64').toString('utf8'));
  }
  for (const [key, value] of Object.entries(secret.stringData ?? {})) {
    texts.set(key, value);
  }
  return texts;
}

/**
 * The values files kapp-controller hands to ytt: every key of every `valuesFrom` Secret of the
 * template step (the declared `key` is ignored), Secrets in order, keys sorted.
 */
export function dataValuesFiles(
  secretNames: readonly string[],
  secretsByName: ReadonlyMap<string, Secret>,
): DataValuesFiles {
  const files: DataValuesFile[] = [];
  for (const secretName of secretNames) {
    const secret = secretName ? secretsByName.get(secretName) : undefined;
    if (!secret) {
      return { error: `Writing paths: secrets "${secretName}" not found` };
    }
    const texts = secretTexts(secret);
    for (const name of [...texts.keys()].sort()) {
      files.push({ name, secretName, content: texts.get(name) ?? '' });
    }
  }
  return { files };
}
