// Test support only. No JSON Schema validator is installed, so this checks the subset of keywords
// that report.schema.json (2020-12) and the SARIF 2.1.0 schema (draft-04) actually use. Keywords
// it does not know are ignored, like a validator treats annotations; `format` is ignored too,
// as 2020-12 does by default. Replace with ajv if it becomes a dependency.

type Schema = boolean | { [keyword: string]: unknown };

const KNOWN = new Set([
  '$schema', '$id', 'id', 'title', 'description', 'default', 'format', 'examples',
  '$ref', '$defs', 'definitions', 'type', 'enum', 'const', 'properties', 'required',
  'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems',
  'minimum', 'maximum', 'minLength', 'pattern', 'anyOf', 'oneOf', 'allOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`$ref ${ref} does not resolve`);
  }
  return node as Schema;
}

/** Returns one line per violation, "path: problem"; empty when the value is valid. */
export function validate(value: unknown, root: Schema): string[] {
  const errors: string[] = [];
  check(value, root, root, '$', errors);
  return errors;
}

/** Keywords the schema uses that this validator would silently skip. */
export function unsupportedKeywords(root: Schema): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, isMap: boolean) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, false));
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (!isMap && !KNOWN.has(key)) found.add(key);
      const childIsMap = !isMap && (key === 'properties' || key === '$defs' || key === 'definitions');
      if (!isMap && (key === 'enum' || key === 'const' || key === 'default' || key === 'examples')) continue;
      walk(child, childIsMap);
    }
  };
  walk(root, false);
  return [...found];
}

function check(value: unknown, schema: Schema, root: Schema, path: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    errors.push(`${path}: is not allowed here`);
    return;
  }
  const s = schema as Record<string, any>;
  if (s.$ref) check(value, resolve(root, s.$ref), root, path, errors);

  const type = typeOf(value);
  if (s.type !== undefined) {
    const allowed: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const ok = allowed.some((t) => t === type || (t === 'number' && type === 'integer'));
    if (!ok) {
      errors.push(`${path}: must be ${allowed.join(' or ')}, is ${type}`);
      return;
    }
  }
  if (s.enum && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: must be one of ${JSON.stringify(s.enum)}, is ${JSON.stringify(value)}`);
  }
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) {
    errors.push(`${path}: must be ${JSON.stringify(s.const)}`);
  }

  if (type === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${path}: misses required "${key}"`);
    const props: Record<string, Schema> = s.properties ?? {};
    for (const [key, child] of Object.entries(obj)) {
      if (key in props) check(child, props[key], root, `${path}.${key}`, errors);
      else if (s.additionalProperties !== undefined) check(child, s.additionalProperties, root, `${path}.${key}`, errors);
    }
  }

  if (type === 'array') {
    const arr = value as unknown[];
    if (s.minItems !== undefined && arr.length < s.minItems) errors.push(`${path}: needs at least ${s.minItems} items`);
    if (s.maxItems !== undefined && arr.length > s.maxItems) errors.push(`${path}: allows at most ${s.maxItems} items`);
    const prefix: Schema[] = s.prefixItems ?? [];
    arr.forEach((item, i) => {
      if (i < prefix.length) check(item, prefix[i], root, `${path}[${i}]`, errors);
      else if (s.items !== undefined) check(item, s.items, root, `${path}[${i}]`, errors);
    });
    if (s.uniqueItems && new Set(arr.map((x) => JSON.stringify(x))).size !== arr.length) {
      errors.push(`${path}: items must be unique`);
    }
  }

  if (type === 'number' || type === 'integer') {
    const n = value as number;
    if (s.minimum !== undefined && n < s.minimum) errors.push(`${path}: must be ≥ ${s.minimum}`);
    if (s.maximum !== undefined && n > s.maximum) errors.push(`${path}: must be ≤ ${s.maximum}`);
  }

  if (type === 'string') {
    const str = value as string;
    if (s.minLength !== undefined && str.length < s.minLength) errors.push(`${path}: must have at least ${s.minLength} characters`);
    if (s.pattern && !new RegExp(s.pattern, 'u').test(str)) errors.push(`${path}: must match ${s.pattern}`);
  }

  if (s.allOf) for (const sub of s.allOf) check(value, sub, root, path, errors);
  if (s.anyOf && !s.anyOf.some((sub: Schema) => validateSub(value, sub, root))) errors.push(`${path}: matches none of anyOf`);
  if (s.oneOf) {
    const matches = s.oneOf.filter((sub: Schema) => validateSub(value, sub, root)).length;
    if (matches !== 1) errors.push(`${path}: matches ${matches} of oneOf, expected exactly 1`);
  }
}

function validateSub(value: unknown, schema: Schema, root: Schema): boolean {
  const errors: string[] = [];
  check(value, schema, root, '', errors);
  return errors.length === 0;
}
