/* perfbudget.h: the perfbudget C ABI, all of it. Include this one header.
 *
 * Budget performance management (预算绩效管理): datasets, goal review,
 * dual monitoring. Conventions: see pfb_core.h and docs/c-abi.md. */
#ifndef PERFBUDGET_PERFBUDGET_H_
#define PERFBUDGET_PERFBUDGET_H_

#include "perfbudget/pfb_core.h"

/* Later parts add their headers here, e.g. "perfbudget/pfb_review.h". */
#include "perfbudget/pfb_review.h"
#include "perfbudget/pfb_indicators.h"
#include "perfbudget/pfb_monitor.h"
#include "perfbudget/pfb_followup.h"
#include "perfbudget/pfb_evaluation.h"
#include "perfbudget/pfb_render.h"

#endif /* PERFBUDGET_PERFBUDGET_H_ */
