// A type, not an interface, so it is a JsonObject for the signals service.
/** The message the carvel backend publishes, through Backstage signals, when a package changes. */
export type CarvelPackageSignal = {
  packageName: string;
  /** The clusters it changed on, sorted. */
  clusters: string[];
};

/** Signal channel for one package: the entity tab subscribes to the channels of its packages. */
export function carvelPackageChannel(packageName: string): string {
  return `carvel:package:${packageName}`;
}
