import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { OperationOutcome } from '../bulk/runBulkOperation';
import type { Operation, ResultSink } from '../helpers/types';
import * as earn from './earn.operation';
import * as enrol from './enrol.operation';
import * as enrolAndEarn from './enrolAndEarn.operation';
import * as getCustomerPromotions from './getCustomerPromotions.operation';
import * as revokeEarn from './revokeEarn.operation';
import * as revokeEnrol from './revokeEnrol.operation';

/** What each `*.operation.ts` exports: its entry in the Operation parameter, and how it runs. */
export interface OperationModule {
	option: INodePropertyOptions;
	execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		emit: ResultSink,
	): Promise<OperationOutcome>;
}

/**
 * The node's operations, in the order the editor lists them: the one list the Operation parameter,
 * the subtitle and the router are built from. Keyed by the value stored in users' workflows; the
 * `Operation` type is checked against it both ways.
 */
export const operations = {
	enrol,
	earn,
	enrolAndEarn,
	revokeEarn,
	revokeEnrol,
	getCustomerPromotions,
} satisfies Record<Operation, OperationModule>;

export const operationOptions: INodePropertyOptions[] = Object.values(operations).map(
	(operation) => operation.option,
);

const operationNames = Object.fromEntries(
	Object.entries(operations).map(([value, operation]) => [value, operation.option.name]),
);

/** The node's subtitle on the canvas, e.g. "Enrol and Issue: promotion 57099"; a lookup's name alone. */
export const operationSubtitle = `={{ ${JSON.stringify(operationNames)}[$parameter["operation"]] + ($parameter["operation"] === "getCustomerPromotions" ? "" : ": promotion " + ($parameter["promotion"] || "not chosen yet")) }}`;
