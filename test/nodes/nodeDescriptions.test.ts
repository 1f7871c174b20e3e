import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { CampaignReport } from '../../nodes/CampaignReport/CampaignReport.node';
import { ChurnRisk } from '../../nodes/ChurnRisk/ChurnRisk.node';
import { CustomerData } from '../../nodes/CustomerData/CustomerData.node';
import { LifecycleStage } from '../../nodes/LifecycleStage/LifecycleStage.node';
import { RetentionAction } from '../../nodes/RetentionAction/RetentionAction.node';

/*
 * The editor explains every setting to someone who never reads code: each parameter and each
 * option of a collection has a description (or a hint), and a choice's description fits the
 * dropdown without being cut off; longer caveats live in a notice shown for that choice.
 */

/** About what n8n's dropdown shows of a choice's description before it cuts it with "...". */
const DROPDOWN_DESCRIPTION = 90;

type Finding = string;

function inspect(properties: INodeProperties[], where: string, findings: Finding[]): void {
	for (const p of properties) {
		const at = `${where}${p.name}`;
		if (p.type !== 'notice' && !p.description && !p.hint) findings.push(`${at}: no description`);
		for (const option of p.options ?? []) {
			if ('values' in option) inspect((option as INodePropertyCollection).values, `${at}.${option.name}.`, findings);
			else if ('type' in option) inspect([option as INodeProperties], `${at}.`, findings);
			else {
				const choice = option as INodePropertyOptions;
				if ((choice.description?.length ?? 0) > DROPDOWN_DESCRIPTION) findings.push(`${at} = ${choice.name}: description longer than the dropdown shows`);
			}
		}
		if ((p.type === 'collection' || p.type === 'fixedCollection') && !(p.options ?? []).length) findings.push(`${at}: an empty collection`);
	}
}

describe.each([
	['Customer Data', new CustomerData()],
	['Churn Risk', new ChurnRisk()],
	['Lifecycle Stage', new LifecycleStage()],
	['Retention Action', new RetentionAction()],
	['Campaign Report', new CampaignReport()],
] as Array<[string, INodeType]>)('%s', (_name, node) => {
	it('describes every parameter and option, within what the dropdown shows', () => {
		const findings: Finding[] = [];
		inspect(node.description.properties, '', findings);
		expect(findings).toEqual([]);
	});
});
