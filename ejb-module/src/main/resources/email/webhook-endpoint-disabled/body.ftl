Hello,

Orion stopped sending events to your webhook endpoint ${url} on ${at} (UTC): ${reason}.

Its deliveries and every attempt's answer are in the delivery log (GET /api/v1/webhook-endpoints/${endpointId}/deliveries).
Once the endpoint answers again, enable it (PATCH {"enabled": true}) and redeliver the events it missed
(POST /api/v1/events/{id}/redeliver; GET /api/v1/events?delivery_success=false lists them).

Orion
