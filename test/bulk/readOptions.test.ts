import type { INodeProperties } from 'n8n-workflow';

import { readOptions } from '../../nodes/Capillary/bulk/readOptions';
import { optionsCollection } from '../../nodes/Capillary/descriptions/options';
import { stubContext } from '../support/stubContext';

/** The editor's Options collection and the reader agree: defaults, and the range of every number. */
const definitions = optionsCollection.options as INodeProperties[];

test('an option left out takes the default the editor shows', () => {
	const { options, fatal } = readOptions(stubContext());
	expect(fatal).toBeUndefined();
	expect(options).toEqual(
		Object.fromEntries(definitions.map((option) => [option.name, option.default])),
	);
});

describe.each(definitions.filter((option) => option.type === 'number'))(
	'$displayName',
	(option) => {
		const { minValue, maxValue } = option.typeOptions as { minValue: number; maxValue: number };

		test('the ends of the range the editor shows are accepted', () => {
			for (const value of [minValue, maxValue]) {
				const read = readOptions(stubContext({ options: { [option.name]: value } }));
				expect(read.fatal).toBeUndefined();
				expect(read.options).toMatchObject({ [option.name]: value });
			}
		});

		test('a value just outside it stops the run, naming the option and the range', () => {
			for (const value of [minValue - 1, maxValue + 1]) {
				const { fatal } = readOptions(stubContext({ options: { [option.name]: value } }));
				expect(fatal?.message).toContain(
					`The option "${option.displayName}" must be a whole number from ${minValue} to ${maxValue}`,
				);
			}
		});
	},
);
