const path = require('path');
const { task, src, dest } = require('gulp');

/** Copies icons and codex files next to the compiled nodes and credentials. */
task('build:icons', () =>
	src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], {
		encoding: false,
		base: '.',
	}).pipe(dest(path.resolve('dist'))),
);
