import { ANNOTATION_DOWNGRADABLE } from '@carvel-gitops/plugin-carvel-common';
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  parseAllDocuments,
  Scalar,
  YAMLMap,
} from 'yaml';

/** A packageinstall.yaml holds one PackageInstall; a few documents more are tolerated, not hundreds. */
export const MAX_DOCUMENTS_PER_FILE = 20;
const MAX_ALIAS_COUNT = 50;
const CONSTRAINTS_PATH = [
  'spec',
  'packageRef',
  'versionSelection',
  'constraints',
];

/** What the promote action needs to know of the PackageInstall in a GitOps file. */
export interface PackageInstallInGit {
  name?: string;
  namespace?: string;
  constraints?: string;
  downgradable: boolean;
}

export interface ParsedPackageInstallFile {
  install: PackageInstallInGit;
  /** The file with the constraint pinned to `version` (and the downgradable annotation added if asked); the rest byte for byte. */
  pin(version: string, options: { addDowngradable: boolean }): string;
}

type ParsedDocument = Document.Parsed;

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line that `offset` is on (the text's end when it has no newline). */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function renderScalarLike(existing: Scalar, value: string): string | undefined {
  if (existing.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (existing.type === Scalar.QUOTE_SINGLE) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  if (existing.type === Scalar.PLAIN) return value;
  return undefined;
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** Text edits that set the constraint and add the annotation; undefined when the layout needs the Document API. */
function sourceEdits(
  text: string,
  doc: ParsedDocument,
  version: string,
  addDowngradable: boolean,
): Edit[] | undefined {
  const edits: Edit[] = [];
  const constraints = doc.getIn(CONSTRAINTS_PATH, true);
  if (!isScalar(constraints) || !constraints.range || constraints.anchor) {
    return undefined;
  }
  const rendered = renderScalarLike(constraints, version);
  if (rendered === undefined) return undefined;
  edits.push({
    at: constraints.range[0],
    end: constraints.range[1],
    text: rendered,
  });
  if (!addDowngradable) return edits;

  const annotationLine = `${ANNOTATION_DOWNGRADABLE}: ""`;
  const metadata = doc.get('metadata', true);
  if (!isMap(metadata) || metadata.flow || metadata.items.length === 0) {
    return undefined;
  }
  const annotations = metadata.get('annotations', true);
  const lastLineOf = (map: YAMLMap) => {
    const last = map.items[map.items.length - 1];
    const node = (last.value ?? last.key) as { range?: number[] } | null;
    return node?.range ? afterLine(text, node.range[1]) : undefined;
  };
  const keyColumn = (map: YAMLMap) => {
    const key = map.items[0].key as { range?: number[] } | null;
    return key?.range
      ? key.range[0] - lineStart(text, key.range[0])
      : undefined;
  };
  if (isMap(annotations)) {
    if (annotations.flow || annotations.items.length === 0) return undefined;
    const at = lastLineOf(annotations);
    const column = keyColumn(annotations);
    if (at === undefined || column === undefined) return undefined;
    const newline = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    edits.push({
      at,
      end: at,
      text: `${newline}${' '.repeat(column)}${annotationLine}\n`,
    });
    return edits;
  }
  if (annotations !== undefined) return undefined;
  const at = lastLineOf(metadata);
  const column = keyColumn(metadata);
  const metadataKey = doc.contents as YAMLMap;
  const rootColumn = isMap(metadataKey) ? keyColumn(metadataKey) : 0;
  if (at === undefined || column === undefined || rootColumn === undefined) {
    return undefined;
  }
  const step = column - rootColumn > 0 ? column - rootColumn : 2;
  const newline = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  edits.push({
    at,
    end: at,
    text: `${newline}${' '.repeat(column)}annotations:\n${' '.repeat(
      column + step,
    )}${annotationLine}\n`,
  });
  return edits;
}

/** The document re-rendered by the yaml library, for layouts the text edits do not handle (flow maps, block scalars). */
function documentEdit(
  doc: ParsedDocument,
  version: string,
  addDowngradable: boolean,
): Edit {
  const copy = doc.clone();
  const constraints = new Scalar(version);
  constraints.type = Scalar.QUOTE_DOUBLE;
  copy.setIn(CONSTRAINTS_PATH, constraints);
  if (addDowngradable) {
    copy.setIn(['metadata', 'annotations', ANNOTATION_DOWNGRADABLE], '');
  }
  const [start, , end] = doc.range;
  return {
    at: start,
    end,
    text: copy.toString({ lineWidth: 0 }),
  };
}

function expectedValue(
  doc: ParsedDocument,
  version: string,
  addDowngradable: boolean,
) {
  const expected = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  expected.spec.packageRef.versionSelection = {
    ...expected.spec.packageRef.versionSelection,
    constraints: version,
  };
  if (addDowngradable) {
    expected.metadata.annotations = {
      ...expected.metadata.annotations,
      [ANNOTATION_DOWNGRADABLE]: '',
    };
  }
  return expected;
}

/**
 * Parses a `<path>/<cluster>/packageinstall.yaml` and finds the PackageInstall of `packageName` in it.
 * A problem (a sentence naming `file`) when the file is not YAML, holds no or several such
 * PackageInstalls, or they lack `spec.packageRef.versionSelection.constraints`.
 */
export function parsePackageInstallFile(
  text: string,
  file: string,
  packageName: string,
): ParsedPackageInstallFile | { problem: string } {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(docs))
    return { problem: `${file} holds no YAML document` };
  if (docs.length > MAX_DOCUMENTS_PER_FILE) {
    return {
      problem: `${file} holds ${docs.length} YAML documents; at most ${MAX_DOCUMENTS_PER_FILE} are read`,
    };
  }
  const matches: Array<{ doc: ParsedDocument; value: any }> = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      return { problem: `${file} is not valid YAML: ${doc.errors[0].message}` };
    }
    let value: any;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      return { problem: `${file} cannot be read: ${(error as Error).message}` };
    }
    if (
      value?.kind === 'PackageInstall' &&
      value?.spec?.packageRef?.refName === packageName
    ) {
      matches.push({ doc, value });
    }
  }
  if (matches.length !== 1) {
    return {
      problem: `${file} holds ${
        matches.length === 0 ? 'no' : matches.length
      } PackageInstall${
        matches.length === 0 ? '' : 's'
      } of '${packageName}'; exactly one is expected`,
    };
  }
  const [{ doc, value }] = matches;
  const constraints = readString(
    value.spec.packageRef.versionSelection?.constraints,
  );
  if (constraints === undefined) {
    return {
      problem: `${file}: the PackageInstall of '${packageName}' has no spec.packageRef.versionSelection.constraints to pin`,
    };
  }
  const annotations = value.metadata?.annotations;
  const install: PackageInstallInGit = {
    name: readString(value.metadata?.name),
    namespace: readString(value.metadata?.namespace),
    constraints,
    downgradable:
      typeof annotations === 'object' &&
      annotations !== null &&
      ANNOTATION_DOWNGRADABLE in annotations,
  };
  return {
    install,
    pin(version, { addDowngradable }) {
      const add = addDowngradable && !install.downgradable;
      const edits = sourceEdits(text, doc, version, add) ?? [
        documentEdit(doc, version, add),
      ];
      const result = applyEdits(text, edits);
      const expected = docs.map(d =>
        d === doc
          ? expectedValue(doc, version, add)
          : d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
      );
      const reread = parseAllDocuments(result);
      const actual = Array.isArray(reread)
        ? reread.map(d => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }))
        : [];
      if (!isDeepStrictEqual(actual, expected)) {
        throw new Error(
          `${file}: pinning the constraint to ${version} would change more than the constraint`,
        );
      }
      return result;
    },
  };
}
