import { config as n8nNodeConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// n8n's own rules (those of `n8n-node lint`, which n8n's verification scanner applies too) cover what
// n8n loads: nodes/, credentials/ and package.json. They are written for that code (no console, no
// timers, only n8n-workflow imports), so they are scoped to it and nothing in them is switched off.
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const n8nRules = n8nNodeConfig.map((block) =>
	block.files?.includes('**/*.ts') ? { ...block, files: shipped } : block,
);

// Tests, the sandbox, scripts and this folder's config files: typescript-eslint's recommended rules.
const devCode = ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.{js,mjs}'];
const devRules = tseslint.config({
	files: devCode,
	extends: [tseslint.configs.recommended],
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'bench-results/**', '.n8n-test/**'] },
	...n8nRules,
	...devRules,
	{
		// gulpfile.js and jest.config.js are CommonJS, as gulp and jest load them.
		files: ['*.js'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
];
