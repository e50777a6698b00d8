extension PageRenderer {
    /// A table of sums: one row per source, one column per year, totals.
    func sourceTable(_ sums: BudgetSums, budget: BudgetSpec, caption: String) -> Context {
        let years = budget.displayYears(sums)
        let rows: [Context] = budget.sources.filter { sums.amounts[$0.id] != nil }.map { source in
            ["label": source.name, "url": false, "printed": false,
             "cells": years.map { year in ["value": sums.amount(source: source.id, year: year).map(format.money) ?? "—"] },
             "total": sums.total(source: source.id).map(format.money) ?? "—"]
        }
        return [
            "caption": caption, "unit": budget.unit, "years": years.map { ["year": $0] },
            "rows": rows, "has_rows": !rows.isEmpty, "row_header": t("funding_source"), "has_totals": true,
            "computed": true, "total_label": t("total_computed"),
            "totals": years.map { ["value": sums.total(year: $0).map(format.money) ?? "—"] },
            "grand_total": sums.grandTotal.map(format.money) ?? "—",
        ]
    }

    /// The document's name for its money («Прогнозний обсяг фінансування»), else «Фінансування».
    func budgetHeading(_ budget: BudgetSpec?) -> String { budget?.heading ?? t("budget") }

    /// A measure's own funding: status, printed wording, source × year amounts.
    func fundingContext(_ measure: Measure, plan: Plan) -> Context {
        let funding = measure.funding
        // The document's own words where it prints any; the site's label only for a cell it does not print.
        var context: Context = ["printed": opt(funding.printed), "status": funding.status.rawValue, "status_label": false]
        if funding.printed == nil {
            switch funding.status {
            case .notNeeded: context["status_label"] = t("funding_not_needed")
            case .withinExisting: context["status_label"] = t("funding_within_existing")
            case .notStated: context["status_label"] = t("not_stated")
            case .stated: break
            }
        }
        guard let budget = plan.budget, funding.status == .stated else { return context }
        let years = budget.years
        context["table"] = [
            "caption": "\(budgetHeading(budget)): \(levelName(plan.measureLevel).lowercased()) \(displayNumber(measure))",
            "unit": budget.unit, "row_header": t("funding_source"), "years": years.map { ["year": $0] },
            "rows": funding.lines.map { line -> Context in
                let total = line.amounts.values.compactMap(\.money).reduce(Money.zero, +)
                return ["label": budget.source(id: line.source)?.name ?? line.printedSource,
                        "printed": line.printedSource, "url": false,
                        "cells": years.map { year in ["value": amountText(line.amounts[year])] },
                        "total": format.money(total)]
            },
            "has_rows": true, "has_totals": false, "computed": false, "total_label": t("total_computed"),
        ] as Context
        return context
    }

    func amountText(_ amount: Amount?) -> String {
        switch amount {
        case .value(let money): return format.money(money)
        case .dash: return "–"
        case nil: return t("not_stated")
        }
    }

    /// Stated totals next to computed ones, for a goal or the whole plan.
    /// A goal's stated totals beside the sums of its rows, and, under their own heading, only the
    /// rows that do not match («Суми, що не сходяться» never heads rows that do).
    static let reconciliationKeys = ["reconciliation", "has_reconciliation", "reconciliation_heading", "mismatch_block"]

    func reconciliationBlock(_ checks: [BudgetReconciler.Check], plan: Plan) -> Context {
        let mismatched = checks.filter { !$0.matches }
        return ["reconciliation": reconciliation(checks, plan: plan), "has_reconciliation": !checks.isEmpty,
                "reconciliation_heading": t("stated_totals_heading"),
                "mismatch_block": mismatched.isEmpty ? false : ["reconciliation": reconciliation(mismatched, plan: plan)] as Context]
    }

    func reconciliation(_ checks: [BudgetReconciler.Check], plan: Plan) -> [Context] {
        checks.map { check in
            [
                "source": check.printedSource ?? plan.budget?.source(id: check.source)?.name ?? check.source,
                "year": check.year,
                "label": check.label ?? t("stated_total"),
                "stated": check.stated.map(format.money) ?? t("not_stated"),
                "computed": format.money(check.computed),
                "difference": format.money(check.difference),
                "matches": check.matches,
                "rows": check.rows,
                "covers": check.measureNumbers.map { number -> Context in
                    ["number": number, "url": routes.path(for: .measure(plan.id, number))]
                },
                "has_covers": !check.measureNumbers.isEmpty,
            ]
        }
    }
}
