"""Frequent English words: capitalised at the start of a sentence, they name nothing."""

COMMON_WORDS = frozenset([
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "second", "third",
    "a", "about", "above", "after", "again", "against", "all", "almost", "also", "although",
    "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around",
    "as", "at", "back", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
    "either", "else", "enough", "even", "ever", "every", "everyone", "everything", "few", "first",
    "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her",
    "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "last", "least", "less", "let", "like", "many", "may", "me", "might", "more",
    "most", "much", "must", "my", "never", "new", "next", "no", "nor", "not", "note", "now", "of",
    "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
    "own", "per", "perhaps", "please", "quite", "rather", "really", "same", "see", "several", "she",
    "should", "since", "so", "some", "something", "soon", "still", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus",
    "to", "today", "together", "too", "toward", "under", "unless", "until", "up", "upon", "us",
    "very", "was", "we", "well", "were", "what", "whatever", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes",
    "yet", "you", "your", "yours", "additionally", "again", "meanwhile", "moreover", "furthermore",
    "overall", "finally", "instead", "otherwise", "later", "earlier", "currently", "recently",
    "previously", "update", "updated", "updates", "announcement", "announcements", "summary",
    "highlights", "added", "fixed", "changed", "removed", "deprecated", "improved", "security",
    "important", "notice", "reminder"
])
