import { jsonResult, type HandlerResult } from '../http/handlerTypes';
import { PROGRAMS } from '../seed/programs';

/**
 * GET /v2/organization/programs. Shape from Capillary's API docs sample:
 * {"data":[{programId, programName, programDescription, pointsToCurrencyRatio, partnerPrograms, default}],
 *  "warnings":[], "errors":[]}
 */
export function programsRoute(): HandlerResult {
	const data = PROGRAMS.map((program) => ({
		programId: program.programId,
		programName: program.programName,
		pointsToCurrencyRatio: program.pointsToCurrencyRatio,
		programDescription: program.programDescription,
		partnerPrograms: [],
		default: program.isDefault,
	}));
	return jsonResult(200, { data, warnings: [], errors: [] });
}
