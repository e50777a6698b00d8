/// The Ukrainian status labels, as the site prints them (Templates/locales/uk.yaml
/// `status_<code>`; a test keeps the two equal). Reports may give a status by
/// its code (`partly-completed`) or by its label (`виконано частково`), and the
/// monitoring template's status column offers the labels.
extension MeasureStatusValue {
    public var ukrainianLabel: String {
        switch self {
        case .notStarted: return "не розпочато"
        case .inProgress: return "виконується"
        case .completed: return "виконано"
        case .partlyCompleted: return "виконано частково"
        case .notCompleted: return "не виконано"
        case .noInformation: return "немає інформації"
        }
    }

    /// A status from its code or its Ukrainian label (case and surrounding spaces ignored).
    public init?(codeOrLabel text: String) {
        let wanted = text.trimmingSpaces().lowercased()
        guard let match = MeasureStatusValue.allCases.first(where: { $0.rawValue == wanted || $0.ukrainianLabel == wanted }) else { return nil }
        self = match
    }
}
