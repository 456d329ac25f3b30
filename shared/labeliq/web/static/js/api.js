// The JSON API as the page calls it: same origin, the identity travels with the browser's session.
// Every answer is {status, data, requestId}; errors keep the API's {error, detail, request_id}.

export async function api(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    return { status: 0, data: { error: "network", detail: "The service could not be reached. Check your connection and try again." } };
  }
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  return { status: response.status, data, requestId: response.headers.get("X-Request-Id") || "" };
}

// A sentence for an error answer: the API's detail, and the request id to quote to an administrator.
export function describeError(answer) {
  const data = answer.data || {};
  if (answer.status === 401) return "Your sign-in has expired. Reload the page to sign in again.";
  let text = data.detail || data.error || `The service answered ${answer.status}.`;
  if (typeof text !== "string") text = JSON.stringify(text);
  if (answer.status === 429) {
    text += " Too many requests: wait a moment and try again.";
  }
  const id = data.request_id || answer.requestId;
  return id ? `${text} (request id ${id})` : text;
}

export function showError(element, message) {
  if (!element) return;
  element.textContent = message;
  element.hidden = !message;
}

// Mark a control invalid with its message beside it (the message is already its aria-describedby target).
export function setFieldError(input, errorElement, message) {
  if (input) {
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  showError(errorElement, message);
}
