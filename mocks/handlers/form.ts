/** A posted form's text fields; an unreadable body reads as an empty form (the rules then refuse it). */
export async function readForm(request: Request): Promise<URLSearchParams> {
  try {
    const form = await request.formData();
    const params = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === 'string') params.append(key, value);
    return params;
  } catch {
    return new URLSearchParams();
  }
}
