import { compareParsedVersions } from './compareVersions';
import { goQuote } from './goStrings';
import { parseStrictVersion, parseVersion, type Version } from './parseVersion';
import { splitComparator, wildcardKind } from './rangeTokens';
import type { PrereleaseSelection } from './selectVersion';
import {
  parseVersionConstraints,
  type ConstraintReading,
} from './versionConstraints';

export type ConstraintQuirkKind =
  | 'dropped-token'
  | 'dropped-operator'
  | 'negated-wildcard'
  | 'empty-alternative'
  | 'double-wildcard'
  | 'prerelease-bound'
  | 'prerelease-pin-with-operator'
  | 'build-metadata';

export interface ConstraintQuirk {
  kind: ConstraintQuirkKind;
  /** kapp-controller reads it differently from how it reads: a generator should refuse it. */
  confusing: boolean;
  /** One sentence saying what kapp-controller does with it. */
  message: string;
}

export interface ConstraintQuirkOptions {
  /** The PackageInstall's selection; null = none (prereleases off); undefined = not known yet. */
  prereleases?: PrereleaseSelection | null;
  /** The Package versions available, to find build-metadata surprises. */
  versions?: readonly string[];
}

const readingText = (reading: ConstraintReading) =>
  reading.alternatives.map(tokens => tokens.join(' ')).join(' || ');

function comparatorOf(token: string) {
  const split = splitComparator(token);
  return 'error' in split ? undefined : split.value;
}

function droppedTokenQuirks(
  constraints: string,
  reading: ConstraintReading,
): ConstraintQuirk[] {
  if (reading.ignored.length === 0) return [];
  const tokens = reading.ignored.map(goQuote).join(', ');
  return [
    {
      kind: 'dropped-token',
      confusing: true,
      message: `kapp-controller drops the one-character token ${tokens} and reads ${goQuote(
        constraints,
      )} as ${goQuote(
        readingText(reading),
      )} (space-separated comparators all apply)`,
    },
  ];
}

function wildcardQuirks(reading: ConstraintReading): ConstraintQuirk[] {
  const quirks: ConstraintQuirk[] = reading.droppedOperators.map(
    ({ token, operator, readAs }) => ({
      kind: 'dropped-operator',
      confusing: true,
      message: `kapp-controller ignores the operator ${goQuote(
        operator,
      )} of the wildcard ${goQuote(token)}: it selects exactly ${readAs}`,
    }),
  );
  for (const token of reading.written.flat()) {
    const comparator = comparatorOf(token);
    if (!comparator || !token.includes('x')) continue;
    const kind = wildcardKind(comparator.version);
    if (kind && (comparator.operator === '!=' || comparator.operator === '!')) {
      quirks.push({
        kind: 'negated-wildcard',
        confusing: true,
        message: `kapp-controller expands ${goQuote(
          token,
        )} to two comparators that must both hold (below the range and above it): it matches no version`,
      });
    }
    if (/^\d+\.x\.x$/.test(comparator.version)) {
      quirks.push({
        kind: 'double-wildcard',
        confusing: false,
        message: `kapp-controller reads ${goQuote(token)} as ${goQuote(
          comparator.operator + comparator.version.replace('.x.x', '.0.x'),
        )}: only ${comparator.version.replace('.x.x', '.0')}.* versions`,
      });
    }
  }
  return quirks;
}

function emptyAlternativeQuirks(reading: ConstraintReading): ConstraintQuirk[] {
  return reading.alternatives.some(tokens => tokens.length === 0)
    ? [
        {
          kind: 'empty-alternative',
          confusing: true,
          message: `an empty alternative between '||' makes kapp-controller panic (and restart) whenever a version fails the alternatives before it`,
        },
      ]
    : [];
}

const prereleasesMayBeOn = (options: ConstraintQuirkOptions) =>
  options.prereleases !== null;

function prereleaseBoundQuirks(
  reading: ConstraintReading,
  options: ConstraintQuirkOptions,
): ConstraintQuirk[] {
  if (!prereleasesMayBeOn(options)) return [];
  const bounds = new Set<string>();
  for (const token of reading.alternatives.flat()) {
    const comparator = comparatorOf(token);
    const bound = comparator && parseStrictVersion(comparator.version);
    if (
      comparator?.operator === '<' &&
      bound?.ok &&
      bound.version.prerelease.length === 0
    ) {
      bounds.add(comparator.version);
    }
  }
  const condition =
    options.prereleases === undefined ? 'if prereleases are enabled, ' : '';
  return [...bounds].map(bound => ({
    kind: 'prerelease-bound',
    confusing: false,
    message: `${condition}kapp-controller's "<${bound}" admits ${bound} prereleases (e.g. ${bound}-rc.1)${
      reading.written.flat().some(token => token.includes('x'))
        ? ', and a wildcard starts at its .0 release, not at its prereleases'
        : ''
    }`,
  }));
}

function prereleasePinQuirks(
  reading: ConstraintReading,
  options: ConstraintQuirkOptions,
): ConstraintQuirk[] {
  if (options.prereleases) return [];
  return reading.written.flat().flatMap(token => {
    const comparator = comparatorOf(token);
    const pinned = comparator && parseStrictVersion(comparator.version);
    const exact = comparator?.operator === '=' || comparator?.operator === '==';
    if (!exact || !pinned?.ok || pinned.version.prerelease.length === 0)
      return [];
    return [
      {
        kind: 'prerelease-pin-with-operator' as const,
        confusing: false,
        message: `kapp-controller turns prereleases on only for a bare version: ${goQuote(
          token,
        )} matches nothing without versionSelection.prereleases (write ${goQuote(
          comparator.version,
        )})`,
      },
    ];
  });
}

function buildMetadataQuirks(
  reading: ConstraintReading,
  options: ConstraintQuirkOptions,
): ConstraintQuirk[] {
  const available = (options.versions ?? [])
    .map(parseVersion)
    .filter((v): v is Version => v !== undefined && v.build.length > 0);
  if (available.length === 0) return [];
  return reading.alternatives.flat().flatMap(token => {
    const comparator = comparatorOf(token);
    if (!comparator || !['', '=', '==', '<='].includes(comparator.operator))
      return [];
    const bound = parseStrictVersion(comparator.version);
    if (!bound.ok || bound.version.build.length > 0) return [];
    const withBuild = available.find(
      v => compareParsedVersions({ ...v, build: [] }, bound.version) === 0,
    );
    if (!withBuild) return [];
    return [
      {
        kind: 'build-metadata' as const,
        confusing: false,
        message: `kapp-controller compares build metadata: ${goQuote(
          token,
        )} does not take ${withBuild.original}`,
      },
    ];
  });
}

/**
 * Where kapp-controller reads a constraint differently from how it looks (see the conformance
 * table for each behaviour's source). Empty for a constraint kapp-controller refuses: its error says it.
 */
export function describeConstraintQuirks(
  constraints: string,
  options: ConstraintQuirkOptions = {},
): ConstraintQuirk[] {
  const reading = parseVersionConstraints(constraints);
  if (!reading.ok) return [];
  return [
    ...droppedTokenQuirks(constraints, reading),
    ...wildcardQuirks(reading),
    ...emptyAlternativeQuirks(reading),
    ...prereleaseBoundQuirks(reading, options),
    ...prereleasePinQuirks(reading, options),
    ...buildMetadataQuirks(reading, options),
  ];
}

/** The tab's one-line note for a PackageInstall's constraint on a cluster, or undefined when it reads as written. */
export function describeConstraintNote(
  constraints: string | undefined,
  options: ConstraintQuirkOptions,
): string | undefined {
  if (!constraints) return undefined;
  const quirks = describeConstraintQuirks(constraints, options);
  return quirks.length === 0
    ? undefined
    : quirks.map(quirk => quirk.message).join('; ');
}
