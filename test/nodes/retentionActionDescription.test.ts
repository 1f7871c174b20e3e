import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_CONTACT_COST } from '../../lib/actions/actionCatalog';
import { retentionActionProperties } from '../../nodes/RetentionAction/RetentionActionDescription';

describe('the Retention Action editor', () => {
	const options = (retentionActionProperties.find((p) => p.name === 'options') as INodeProperties).options as INodeProperties[];
	const defaultOf = (name: string) => options.find((o) => o.name === name)?.default;

	it('shows the contact costs the planner uses by default (the linter wants literal defaults)', () => {
		expect({ email: defaultOf('costEmail'), sms: defaultOf('costSms'), push: defaultOf('costPush'), crm: defaultOf('costCrm') }).toEqual(DEFAULT_CONTACT_COST);
	});

	it('describes every parameter and option', () => {
		const undocumented = [...retentionActionProperties, ...options].filter((p) => p.type !== 'notice' && !p.description).map((p) => p.name);
		expect(undocumented).toEqual([]);
	});
});
