import { TestApiProvider } from '@backstage/test-utils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type {
  PackageVersionDetails,
  ClusterSummary,
  KnownPackage,
} from '@carvel-gitops/plugin-carvel-common';
import { render, type RenderResult } from '@testing-library/react';
import { ComponentType, useState } from 'react';
import { CarvelApi, carvelApiRef } from '../../../api';

/** A CarvelApi answering the form fields' questions from fixed lists. */
export function fakeCarvelApi(
  answers: {
    packages?: KnownPackage[];
    versions?: Record<string, PackageVersionDetails[]>;
    clusters?: ClusterSummary[];
  } = {},
): jest.Mocked<CarvelApi> {
  return {
    getEntityStatus: jest.fn(),
    getHistory: jest.fn(),
    getPackageInstalls: jest.fn(),
    getPackages: jest.fn().mockResolvedValue({ items: answers.packages ?? [] }),
    getClusters: jest.fn().mockResolvedValue({ items: answers.clusters ?? [] }),
    getPackageVersions: jest.fn(async (packageName: string) => ({
      items: answers.versions?.[packageName] ?? [],
    })),
  };
}

/**
 * Renders a field as the scaffolder's form does: its value kept by the form, the rest of the form's
 * data in `formContext.formData`. `changes` records every value the field handed on.
 */
export function renderField<T, O>(
  Field: ComponentType<FieldExtensionComponentProps<T, O>>,
  options: {
    carvelApi: CarvelApi;
    formData?: NoInfer<T>;
    otherFields?: Record<string, unknown>;
    uiOptions?: NoInfer<O>;
    title?: string;
    rawErrors?: string[];
  },
): RenderResult & { changes: Array<T | undefined> } {
  const changes: Array<T | undefined> = [];
  function Form() {
    const [value, setValue] = useState<T | undefined>(options.formData);
    const props = {
      schema: { title: options.title },
      uiSchema: { 'ui:options': options.uiOptions },
      idSchema: { $id: 'root_field' },
      formData: value,
      formContext: { formData: { ...options.otherFields } },
      onChange: (next: T | undefined) => {
        changes.push(next);
        setValue(next);
      },
      onBlur: () => {},
      onFocus: () => {},
      rawErrors: options.rawErrors ?? [],
      required: false,
      disabled: false,
      readonly: false,
      name: 'field',
      registry: {},
    } as unknown as FieldExtensionComponentProps<T, O>;
    return <Field {...props} />;
  }
  const result = render(
    <TestApiProvider apis={[[carvelApiRef, options.carvelApi]]}>
      <Form />
    </TestApiProvider>,
  );
  return { ...result, changes };
}
