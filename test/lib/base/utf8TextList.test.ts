import fc from 'fast-check';
import { Utf8TextList } from '../../../lib/base/utf8TextList';

/*
 * A list of texts kept as UTF-8 bytes, with the texts it is given again and again kept once as
 * themselves: whatever the mix of repeated, distinct and missing texts, every position reads
 * back as what was set there.
 */

const fewReasons = fc.constantFrom('cannot be reached: no email opt-in, no phone number', 'playbook: on cadence', '控制组', '');
const text = fc.oneof({ weight: 3, arbitrary: fewReasons }, { weight: 2, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) }, { weight: 1, arbitrary: fc.constant(null) });

function filled(values: Array<string | null | undefined>): Utf8TextList {
	const list = new Utf8TextList(values.length);
	// undefined: the position is skipped, and reads as null.
	values.forEach((value, position) => value !== undefined && list.set(position, value));
	return list;
}

describe('a list of texts kept as bytes', () => {
	it('reads every position back as it was set, skipped ones as null', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constant(undefined) }), { maxLength: 60 }), (values) => {
				const list = filled(values);
				expect(values.map((_, position) => list.get(position))).toEqual(values.map((value) => value ?? null));
			}),
			{ numRuns: 500 },
		);
	});

	it('keeps reading back right past the texts it keeps as themselves: thousands of distinct texts among repeated ones', () => {
		const values = Array.from({ length: 6000 }, (_, k) => (k % 3 === 0 ? `customer ${k}` : k % 3 === 1 ? 'cannot be reached: no email opt-in' : `reason ${k % 7}`));
		const list = filled(values);
		expect(values.map((_, position) => list.get(position))).toEqual(values);
		// Mostly distinct texts (IDs) past the kept ones still read back.
		const ids = Array.from({ length: 3000 }, (_, k) => `C${k}`);
		const idList = filled(ids);
		expect(ids.map((_, position) => idList.get(position))).toEqual(ids);
	});

	it('refuses to go back to a position already set', () => {
		const list = filled(['a', 'b']);
		expect(() => list.set(1, 'c')).toThrow('Position 1 was set already, or passed');
	});
});
