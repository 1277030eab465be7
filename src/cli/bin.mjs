#!/usr/bin/env node
// Runs the TypeScript sources directly, for development (`npm start`): tsx compiles them on the
// fly. The installed package runs dist/cli/run.js instead, compiled by `npm run build`.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
