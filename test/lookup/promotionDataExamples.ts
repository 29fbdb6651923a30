/**
 * The response examples of `GET v2/customers/lookup/promotionData`, as Capillary's docs print them
 * (https://docs.capillarytech.com/reference/get-promotion-data-list-for-a-customer), parsed from
 * their text. Each call gives a fresh copy, so that a test may spoil it.
 */

/** Default sample (pageSize 2), two GENERIC promotions. */
const DEFAULT_SAMPLE_TEXT = String.raw`{
    "pageDetails": {
        "pageNumber": 0,
        "pageSize": 2,
        "totalEntries": 169,
        "pageCount": 85
    },
    "customerId": 555380204,
    "promotions": [
        {
            "promotionId": 67248,
            "promotionName": "100 Points for 3+ Transactions5",
            "programId": 469,
            "startDate": "2024-10-31T18:30:00.000Z",
            "endDate": "2025-01-31T18:30:00.000Z",
            "identifier": "billslayer5",
            "description": "Earn 100 points for completing more than 3 transactions",
            "active": true,
            "eventName": "TargetCompleted",
            "limits": {
                "maxPointsPerEvent": "100",
                "pointsPerCustomer": "100",
                "numberOFTimesPerCustomer": 1,
                "totalPointsInPromotion": "0"
            },
            "customerUsage": {
                "currentPointsPerCustomer": "0",
                "currentNumberOfTimesPerCustomer": 0,
                "currentTotalPointsInPromotion": "0"
            },
            "pointsOfferType": "GENERIC",
            "promotionRestriction": {
                "issualRestrictions": [],
                "earnRestrictions": [],
                "redemptionRestrictions": [
                    {
                        "kpi": "NUMBER_OF_TIMES",
                        "maxLimit": "1",
                        "currentCustomerUsage": "0",
                        "limitOn": "CUSTOMER",
                        "type": "NON_PERIOD_BASED"
                    },
                    {
                        "kpi": "NUMBER_OF_POINTS",
                        "maxLimit": "100",
                        "limitOn": "EVENT",
                        "type": "NON_PERIOD_BASED"
                    },
                    {
                        "kpi": "NUMBER_OF_POINTS",
                        "maxLimit": "100",
                        "currentCustomerUsage": "0",
                        "limitOn": "CUSTOMER",
                        "type": "NON_PERIOD_BASED"
                    },
                    {
                        "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN",
                        "maxLimit": "100",
                        "currentCustomerUsage": "0",
                        "limitOn": "CUSTOMER",
                        "type": "NON_PERIOD_BASED"
                    }
                ]
            }
        },
        {
            "promotionId": 67247,
            "promotionName": "duplicate_test_5",
            "programId": 469,
            "startDate": "2023-12-30T18:30:00.000Z",
            "endDate": "2024-12-30T18:30:00.000Z",
            "identifier": "e823c904-34bf-4b8a-8124-16085183177f",
            "description": "Welcome offer for first-time customers with specific conditions",
            "active": true,
            "eventName": "TransactionAdd",
            "promotionMetadata": [
                { "key": "preferred language", "value": "en", "brandDefined": true },
                { "key": "testt", "value": "vall", "brandDefined": true }
            ],
            "limits": { "maxPointsPerEvent": "150", "pointsPerCustomer": "0", "numberOFTimesPerCustomer": 0, "totalPointsInPromotion": "0" },
            "customerUsage": { "currentPointsPerCustomer": "0", "currentNumberOfTimesPerCustomer": 0, "currentTotalPointsInPromotion": "0" },
            "pointsOfferType": "GENERIC",
            "promotionRestriction": {
                "issualRestrictions": [],
                "earnRestrictions": [],
                "redemptionRestrictions": [
                    { "kpi": "NUMBER_OF_POINTS", "maxLimit": "150", "limitOn": "EVENT", "type": "NON_PERIOD_BASED" },
                    { "kpi": "NUMBER_OF_TIMES", "maxLimit": "20", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "PERIOD_BASED", "periodType": "MOVING_WINDOW", "periodUnit": "MONTHLY" },
                    { "kpi": "NUMBER_OF_POINTS", "maxLimit": "200", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "PERIOD_BASED", "periodType": "MOVING_WINDOW", "periodUnit": "DAILY" },
                    { "kpi": "NUMBER_OF_POINTS", "maxLimit": "1000", "currentCustomerUsage": "0", "limitOn": "PROMOTION", "type": "PERIOD_BASED", "periodType": "MOVING_WINDOW", "periodUnit": "WEEKLY" },
                    { "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN", "maxLimit": "100", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "NON_PERIOD_BASED" }
                ]
            }
        }
    ],
    "warnings": []
}`;

/** `promotionStatusForCustomer=AVAILABLE_TO_ENROL`: customer not enrolled (`"customerPromotionTimelines": []`). */
const AVAILABLE_TO_ENROL_TEXT = String.raw`{
    "pageDetails": { "pageNumber": 0, "pageSize": 10, "totalEntries": 1, "pageCount": 1 },
    "customerId": 345853998,
    "promotions": [
        {
            "promotionId": 1119990,
            "promotionName": "Enrol & issue | LOYALTY EARNING PROMO",
            "programId": 1085,
            "startDate": "2024-05-01T00:00:00.000Z",
            "endDate": "2024-06-30T23:59:59.000Z",
            "identifier": "7ff82c46-dd7e-45d7-b09a-eb58aed3d714",
            "description": "Enrol and Issue",
            "active": true,
            "eventName": "TransactionAdd",
            "limits": { "maxPointsPerEvent": "0", "pointsPerCustomer": "0", "numberOFTimesPerCustomer": 0, "totalPointsInPromotion": "0" },
            "customerUsage": { "currentPointsPerCustomer": "0", "currentNumberOfTimesPerCustomer": 0, "currentTotalPointsInPromotion": "0" },
            "pointsOfferType": "LOYALTY_EARNING",
            "promotionRestriction": {
                "issualRestrictions": [
                    { "kpi": "NUMBER_OF_ISSUALS", "maxLimit": "10", "currentCustomerUsage": "0", "limitOn": "CUSTOMER" }
                ],
                "earnRestrictions": [
                    { "kpi": "NUMBER_OF_EARNS", "maxLimit": "7", "currentCustomerUsage": "0", "limitOn": "CUSTOMER" }
                ],
                "redemptionRestrictions": [
                    { "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN", "maxLimit": "10", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "NON_PERIOD_BASED" }
                ]
            },
            "customerPromotionTimelines": []
        }
    ],
    "warnings": []
}`;

/** `promotionStatusForCustomer=AVAILABLE_TO_EARN`: customer enrolled, not yet earned. */
const AVAILABLE_TO_EARN_TEXT = String.raw`{
    "pageDetails": { "pageNumber": 0, "pageSize": 10, "totalEntries": 1, "pageCount": 1 },
    "customerId": 345854019,
    "promotions": [
        {
            "promotionId": 1119990,
            "promotionName": "Enrol & issue | LOYALTY EARNING PROMO",
            "programId": 1085,
            "startDate": "2024-05-01T00:00:00.000Z",
            "endDate": "2024-06-30T23:59:59.000Z",
            "identifier": "7ff82c46-dd7e-45d7-b09a-eb58aed3d714",
            "description": "Enrol and Issue",
            "active": true,
            "eventName": "TransactionAdd",
            "limits": { "maxPointsPerEvent": "0", "pointsPerCustomer": "0", "numberOFTimesPerCustomer": 0, "totalPointsInPromotion": "0" },
            "customerUsage": { "currentPointsPerCustomer": "0", "currentNumberOfTimesPerCustomer": 0, "currentTotalPointsInPromotion": "0" },
            "pointsOfferType": "LOYALTY_EARNING",
            "promotionRestriction": {
                "issualRestrictions": [
                    { "kpi": "NUMBER_OF_ISSUALS", "maxLimit": "10", "currentCustomerUsage": "1", "limitOn": "CUSTOMER" }
                ],
                "earnRestrictions": [
                    { "kpi": "NUMBER_OF_EARNS", "maxLimit": "7", "currentCustomerUsage": "0", "limitOn": "CUSTOMER" }
                ],
                "redemptionRestrictions": [
                    { "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN", "maxLimit": "10", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "NON_PERIOD_BASED" }
                ]
            },
            "customerPromotionTimelines": [
                {
                    "enrollmentDate": "2024-06-25T12:41:55.000Z",
                    "enrollmentExpiryDate": "2024-06-30T12:41:55.000Z",
                    "enrollmentId": 1580,
                    "enrollEventLogId": 12413589,
                    "issuedDetails": []
                }
            ]
        }
    ],
    "warnings": []
}`;

/** `promotionStatusForCustomer=AVAILABLE_TO_REDEEM`: the first two of six promotions (the docs' shortening). */
const AVAILABLE_TO_REDEEM_TEXT = String.raw`{
    "pageDetails": { "pageNumber": 0, "pageSize": 10, "totalEntries": 6, "pageCount": 1 },
    "customerId": 345854019,
    "promotions": [
        {
            "promotionId": 1119990,
            "promotionName": "Enrol & issue | LOYALTY EARNING PROMO",
            "programId": 1085,
            "startDate": "2024-05-01T00:00:00.000Z",
            "endDate": "2024-06-30T23:59:59.000Z",
            "identifier": "7ff82c46-dd7e-45d7-b09a-eb58aed3d714",
            "description": "Enrol and Issue",
            "active": true,
            "eventName": "TransactionAdd",
            "limits": { "maxPointsPerEvent": "0", "pointsPerCustomer": "0", "numberOFTimesPerCustomer": 0, "totalPointsInPromotion": "0" },
            "customerUsage": { "currentPointsPerCustomer": "0", "currentNumberOfTimesPerCustomer": 0, "currentTotalPointsInPromotion": "0" },
            "pointsOfferType": "LOYALTY_EARNING",
            "promotionRestriction": {
                "issualRestrictions": [
                    { "kpi": "NUMBER_OF_ISSUALS", "maxLimit": "10", "currentCustomerUsage": "1", "limitOn": "CUSTOMER" }
                ],
                "earnRestrictions": [
                    { "kpi": "NUMBER_OF_EARNS", "maxLimit": "7", "currentCustomerUsage": "1", "limitOn": "CUSTOMER" }
                ],
                "redemptionRestrictions": [
                    { "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN", "maxLimit": "10", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "NON_PERIOD_BASED" }
                ]
            },
            "customerPromotionTimelines": [
                {
                    "enrollmentDate": "2024-06-25T12:41:55.000Z",
                    "enrollmentExpiryDate": "2024-06-30T12:41:55.000Z",
                    "enrollmentId": 1580,
                    "enrollEventLogId": 12413589,
                    "issuedDetails": [
                        {
                            "issualId": 1583,
                            "issualDate": "2024-06-25T12:44:13.000Z",
                            "issualExpiryDate": "2024-06-30T12:41:55.000Z",
                            "issualEventLogId": 12413647,
                            "redeemedCount": 0
                        }
                    ]
                }
            ]
        },
        {
            "promotionId": 1119509,
            "promotionName": "Direct issue | LOYALTY PROMO",
            "programId": 1085,
            "startDate": "2024-05-01T00:00:00.000Z",
            "endDate": "2024-07-31T23:59:59.000Z",
            "identifier": "d1a3a7ec-b4c6-46f2-ba1f-adbe2e01e31d",
            "description": "include \"L+DIRECT_PROMO\" in Txn notes to earn this",
            "active": true,
            "eventName": "TransactionAdd",
            "limits": { "maxPointsPerEvent": "0", "pointsPerCustomer": "0", "numberOFTimesPerCustomer": 0, "totalPointsInPromotion": "0" },
            "customerUsage": { "currentPointsPerCustomer": "0", "currentNumberOfTimesPerCustomer": 0, "currentTotalPointsInPromotion": "0" },
            "pointsOfferType": "LOYALTY",
            "promotionRestriction": {
                "issualRestrictions": [
                    { "kpi": "NUMBER_OF_ISSUALS", "maxLimit": "100", "currentCustomerUsage": "1", "limitOn": "CUSTOMER" }
                ],
                "earnRestrictions": [],
                "redemptionRestrictions": [
                    { "kpi": "NUMBER_OF_REDEMPTIONS_PER_EARN", "maxLimit": "3", "currentCustomerUsage": "0", "limitOn": "CUSTOMER", "type": "NON_PERIOD_BASED" }
                ]
            },
            "customerPromotionTimelines": [
                {
                    "enrollmentDate": "2024-06-25T12:44:13.000Z",
                    "enrollmentExpiryDate": "2024-07-31T23:59:59.000Z",
                    "enrollmentId": 1581,
                    "enrollEventLogId": 12413647,
                    "issuedDetails": [
                        {
                            "issualId": 1582,
                            "issualDate": "2024-06-25T12:44:13.000Z",
                            "issualExpiryDate": "2024-07-31T23:59:59.000Z",
                            "issualEventLogId": 12413647,
                            "redeemedCount": 0
                        }
                    ]
                }
            ]
        }
    ],
    "warnings": []
}`;

/** Failure example: 8015, customer not found (top-level `errors`). */
const CUSTOMER_NOT_FOUND_TEXT = String.raw`{
    "errors": [
        {
            "status": false,
            "code": 8015,
            "message": "Customer not found for the given identifiers"
        }
    ]
}`;

/** Failure example: 8003, invalid source. */
const INVALID_SOURCE_TEXT = String.raw`{
    "errors": [
        {
            "status": false,
            "message": "Invalid source",
            "code": 8003
        }
    ]
}`;

type Issue = Record<string, unknown>;
type Timeline = Record<string, unknown> & { issuedDetails: Issue[] };
type Promotion = Record<string, unknown> & { customerPromotionTimelines?: Timeline[] };

/** An example's shape, loosely, so that a test can spoil any part of it. */
export interface ExampleBody {
	[key: string]: unknown;
	pageDetails: Record<string, unknown>;
	promotions: Promotion[];
}

/** A fresh copy of one example. */
export const example = {
	DEFAULT_SAMPLE: (): ExampleBody => JSON.parse(DEFAULT_SAMPLE_TEXT),
	AVAILABLE_TO_ENROL: (): ExampleBody => JSON.parse(AVAILABLE_TO_ENROL_TEXT),
	AVAILABLE_TO_EARN: (): ExampleBody => JSON.parse(AVAILABLE_TO_EARN_TEXT),
	AVAILABLE_TO_REDEEM: (): ExampleBody => JSON.parse(AVAILABLE_TO_REDEEM_TEXT),
	CUSTOMER_NOT_FOUND: (): ExampleBody => JSON.parse(CUSTOMER_NOT_FOUND_TEXT),
	INVALID_SOURCE: (): ExampleBody => JSON.parse(INVALID_SOURCE_TEXT),
};
