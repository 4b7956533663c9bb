/* Health check: the cheapest round trip through the async layer. */
#include "db/q.h"

const struct db_query q_health_ping = {
	"health_ping", "SELECT 1", 0
};
