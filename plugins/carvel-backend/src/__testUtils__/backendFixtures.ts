import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';

/** The catalog entity the plugin tests and benchmarks ask about: a Component of app.default.tap. */
export const APP_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'app',
    namespace: 'default',
    annotations: { 'carvel.dev/package-name': 'app.default.tap' },
  },
  spec: {},
};

type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** A root logger for startTestBackend that keeps the messages of the given levels. */
export function recordingLoggerFactory(
  messages: string[],
  levels: LogLevel[] = ['error', 'warn', 'info', 'debug'],
) {
  const recordIf = (level: LogLevel) => (message: string) => {
    if (levels.includes(level)) messages.push(message);
  };
  const logger: LoggerService = {
    error: recordIf('error'),
    warn: recordIf('warn'),
    info: recordIf('info'),
    debug: recordIf('debug'),
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => logger,
  });
}
