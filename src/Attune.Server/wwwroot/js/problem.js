// An RFC 7807 problem response in words, for the audio modules that fetch from the API themselves.
export async function problemText(response) {
  try {
    const problem = await response.json();
    if (problem.errors) return Object.entries(problem.errors).map(([f, m]) => `${f} ${m.join('; ')}`).join('. ');
    return problem.detail || problem.title || `Something went wrong (HTTP ${response.status}).`;
  } catch {
    return `Something went wrong (HTTP ${response.status}).`;
  }
}
