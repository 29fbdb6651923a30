import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'examples/**', 'gulpfile.js', 'jest.config.js', '*.mjs'] },
	...config,
];
