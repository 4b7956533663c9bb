/* Reading a request's form (web/req.c). */
#ifndef BRON_WEB_REQ_H
#define BRON_WEB_REQ_H

struct http_request;

int	req_populate_form(struct http_request *);

#endif
