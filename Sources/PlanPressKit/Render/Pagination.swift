/// Page numbers for a pager that stays the same size however many pages there
/// are: every number while there are few, else the first and last pages and
/// two on each side of the current one, with gaps between. A pager listing
/// every number would make each of n pages n links long (n² for the series).
enum Pagination {
    /// Up to this many pages, every number is listed.
    static let listedInFull = 9

    /// The numbers to show, in order; nil marks a gap («…»).
    static func numbers(current: Int, count: Int) -> [Int?] {
        guard count > listedInFull else { return (1...max(1, count)).map { $0 } }
        let window = Set([1, count] + (current - 2...current + 2).filter { (1...count).contains($0) })
        var result: [Int?] = []
        for n in window.sorted() {
            if let last = result.last ?? nil, n > last + 1 { result.append(nil) }
            result.append(n)
        }
        return result
    }
}

extension PageRenderer {
    /// A pager (`partials/pagination`): page numbers with gaps, previous and next links, and its
    /// labels (locale keys: the navigation's name, the previous and the next link); false for one page.
    static let paginationKeys = ["pages", "previous", "next", "label", "previous_label", "next_label"]

    func pagination(current: Int, count: Int, labels: (nav: String, previous: String, next: String), url: (Int) -> String) -> Any {
        guard count > 1 else { return false }
        return [
            "pages": Pagination.numbers(current: current, count: count).map { n -> Context in
                guard let n else { return ["gap": true] }
                return ["number": n, "url": url(n), "current": n == current, "gap": false]
            },
            "previous": current > 1 ? url(current - 1) : false,
            "next": current < count ? url(current + 1) : false,
            "label": t(labels.nav), "previous_label": t(labels.previous), "next_label": t(labels.next),
        ] as Context
    }
}
