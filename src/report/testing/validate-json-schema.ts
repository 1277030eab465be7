// Test support only: the formatters' output checked against the schemas it promises, with ajv.
// report.schema.json is JSON Schema 2020-12; the official SARIF 2.1.0 schema is draft-04, which
// ajv 8 no longer reads, hence ajv-draft-04 for it.
import ajv2020 from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import type { ErrorObject, Options } from 'ajv';

// Both packages are CommonJS modules that are the class and also carry it as `default`; TypeScript
// (NodeNext) types the default import as the whole module, so `.default` is what both agree on.
const Ajv2020 = ajv2020.default;
const AjvDraft04 = ajvDraft04.default;

/** Returns one line per violation, "/json/pointer: problem"; empty when the value is valid. */
export type Validate = (value: unknown) => string[];

// `format` is not checked: 2020-12 makes it an annotation unless a vocabulary asserts it, draft-04
// leaves it optional, and the format plugin (ajv-formats) is not a dependency. allErrors so that a
// failing test lists every broken field at once.
const OPTIONS: Options = { allErrors: true, validateFormats: false };

/**
 * A validator for logo-check's own report schema. Strict mode stays on, so a misspelt or unknown
 * keyword in report.schema.json fails the test instead of being skipped; union types (a finding's
 * `measured` may be a number, a string or null) are plain JSON Schema, only ajv's style advice.
 */
export function reportValidator(schema: object): Validate {
  return wrap(new Ajv2020({ ...OPTIONS, strict: true, allowUnionTypes: true }).compile(schema));
}

/**
 * A validator for the SARIF 2.1.0 schema, strict but for `strictRequired`: OASIS's schema lists in
 * `anyOf` branches `required` properties that only the enclosing object defines, which is valid.
 */
export function sarifValidator(schema: object): Validate {
  return wrap(new AjvDraft04({ ...OPTIONS, strict: true, strictRequired: false }).compile(schema));
}

function wrap(validate: ((value: unknown) => boolean) & { errors?: ErrorObject[] | null }): Validate {
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map(explain));
}

function explain(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${params.additionalProperty}: is not allowed here`;
  if (error.keyword === 'enum') return `${where}: ${error.message} ${JSON.stringify(params.allowedValues)}`;
  return `${where}: ${error.message}`;
}
