namespace Faq.Core.Answering;

/// <summary>A way to reach a person at the clinic, built from its configuration.</summary>
/// <param name="Kind"><c>call</c>, <c>email</c> or <c>book</c>.</param>
/// <param name="Label">What a button says ("Call 555-0100").</param>
/// <param name="Href">Where it leads: a <c>tel:</c>, <c>mailto:</c> or https link.</param>
public sealed record ContactAction(string Kind, string Label, string Href);
