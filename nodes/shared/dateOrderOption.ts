import type { INodeProperties } from 'n8n-workflow';

/** The Date Order option, the same in every node that reads dates written by people or exports. */
export const dateOrderOption: INodeProperties = {
	displayName: 'Date Order',
	name: 'dateOrder',
	type: 'options',
	options: [
		{ name: 'Year First (2024-01-31, 2024/01/31, 20240131)', value: 'ymd' },
		{ name: 'Day First (31/01/2024)', value: 'dmy' },
		{ name: 'Month First (01/31/2024)', value: 'mdy' },
	],
	default: 'ymd',
	description:
		'How to read dates like 05/01/2024. With Year First such dates are rejected as ambiguous (06/25/2024 is read, it can only be month first). ISO dates, Unix timestamps and Excel serial numbers are always understood.',
};
