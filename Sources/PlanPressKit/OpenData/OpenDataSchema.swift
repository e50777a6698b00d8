/// `/data/schema.json`: JSON Schema (draft 2020-12) of `/data/<plan>.json`.
/// Every object lists all its keys as required and allows no others, so a
/// change to `PlanJSON` that the schema does not describe fails validation
/// (tests/e2e/test_open_data.py). Documented in docs/open-data.md.
enum OpenDataSchema {
    /// The schema, with `$id` set to its published absolute URL when the site has one.
    /// The URL comes from `base_url` and is encoded as a JSON string (quotes,
    /// backslashes and control characters escaped), never pasted into the text.
    static func text(id: String?) -> String {
        var head = "{\n  " + encoded("$schema") + ": " + encoded("https://json-schema.org/draft/2020-12/schema") + ",\n"
        if let id { head += "  " + encoded("$id") + ": " + encoded(id) + ",\n" }
        return head + body
    }

    /// A value as a JSON string literal.
    private static func encoded(_ value: String) -> String {
        var json = CompactJSON(capacity: value.utf8.count + 2)
        json.string(value)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private static let body = #"""
      "title": "PlanPress plan",
      "description": "One action plan as published by PlanPress: metadata, goal tree, measures, indicators, responsible bodies, budget lines with stated and computed totals, and monitoring. Money and indicator values are exact decimal numbers (parse them as decimals, not binary floating point).",
      "type": "object",
      "additionalProperties": false,
      "required": ["format", "format_version", "schema", "as_of", "plan", "levels", "abbreviations", "budget", "goals", "measures", "indicators", "executors", "reports"],
      "properties": {
        "format": {"const": "planpress-plan"},
        "format_version": {"const": 1},
        "schema": {"type": "string", "description": "URL of this schema."},
        "as_of": {"$ref": "#/$defs/date", "description": "The date the site speaks for (term-passed logic)."},
        "plan": {"$ref": "#/$defs/plan"},
        "levels": {"type": "array", "items": {"$ref": "#/$defs/level"}},
        "abbreviations": {"type": "array", "items": {"$ref": "#/$defs/abbreviation"}},
        "budget": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/budget"}], "description": "null for a plan without money."},
        "goals": {"type": "array", "items": {"$ref": "#/$defs/goal"}, "description": "Top-level goals; each holds its children."},
        "measures": {"type": "array", "items": {"$ref": "#/$defs/measure"}, "description": "Every measure in document order."},
        "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}},
        "executors": {"type": "array", "items": {"$ref": "#/$defs/executor"}, "description": "Bodies named as responsible in this plan."},
        "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}}
      },
      "$defs": {
        "text": {"type": ["string", "null"]},
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.-]*$"},
        "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "month": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$"},
        "money": {"type": "number", "description": "Exact decimal written with a point, e.g. 92.0."},
        "optional_money": {"type": ["number", "null"]},
        "url": {"type": "string", "pattern": "^(https?://|/)"},
        "source_lines": {"type": "array", "description": "Where the item stands in the published source text (source_url), 1-based inclusive ranges; empty when not cited.",
          "items": {"type": "object", "additionalProperties": false, "required": ["from", "to"], "properties": {"from": {"type": "integer", "minimum": 1}, "to": {"type": "integer", "minimum": 1}}}},
        "corrections": {"type": "array", "description": "Declared differences between the printed text and the published one, each with its reason (published: empty when a marker was dropped).",
          "items": {"type": "object", "additionalProperties": false, "required": ["printed", "published", "why"], "properties": {"printed": {"type": "string"}, "published": {"type": "string"}, "why": {"type": "string"}}}},
        "plan": {
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "title", "short_title", "document_kind", "responsible_heading", "status", "title_lines", "period", "issuer", "approval", "signatory", "vision", "vision_lines", "vision_corrections", "preamble", "url", "source_url"],
          "properties": {
            "id": {"$ref": "#/$defs/id"},
            "title": {"type": "string"},
            "short_title": {"type": "string"},
            "document_kind": {"$ref": "#/$defs/text"},
            "status": {"enum": ["approved", "draft", "not-stated"], "description": "What the document shows: approved = a filled-in approval block; draft = a blank approval stamp; not-stated = no approval block."},
            "responsible_heading": {"$ref": "#/$defs/text", "description": "The heading of the document's responsible column, as printed."},
            "title_lines": {"$ref": "#/$defs/source_lines"},
            "period": {
              "type": "object", "additionalProperties": false, "required": ["from", "to", "inferred_from"],
              "properties": {"from": {"type": ["integer", "null"]}, "to": {"type": ["integer", "null"]},
                             "inferred_from": {"$ref": "#/$defs/text", "description": "The document states no period: the site read the years from these printed words (its reading)."}}
            },
            "issuer": {"oneOf": [{"type": "null"}, {
              "type": "object", "additionalProperties": false, "required": ["printed", "lines", "executor"],
              "description": "The body the document names as issuing or approving it, quoted as printed; null when the document names none.",
              "properties": {"printed": {"type": "string"}, "lines": {"$ref": "#/$defs/source_lines"},
                             "executor": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}], "description": "The registry body the site identifies it with (the site's identification)."}}
            }]},
            "approval": {
              "oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": false,
                "required": ["printed", "label", "by", "person", "document", "number", "date", "date_printed", "lines"],
                "properties": {
                  "printed": {"$ref": "#/$defs/text", "description": "The whole approval block as printed."},
                  "label": {"$ref": "#/$defs/text"}, "by": {"$ref": "#/$defs/text"}, "person": {"$ref": "#/$defs/text"},
                  "document": {"$ref": "#/$defs/text"}, "number": {"$ref": "#/$defs/text"},
                  "date": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/date"}]}, "date_printed": {"$ref": "#/$defs/text"},
                  "lines": {"$ref": "#/$defs/source_lines"}
                }
              }]
            },
            "signatory": {
              "oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": false, "required": ["position", "name", "lines"],
                "properties": {"position": {"$ref": "#/$defs/text"}, "name": {"$ref": "#/$defs/text"}, "lines": {"$ref": "#/$defs/source_lines"}}
              }]
            },
            "vision": {"$ref": "#/$defs/text"},
            "vision_lines": {"$ref": "#/$defs/source_lines"},
            "vision_corrections": {"$ref": "#/$defs/corrections"},
            "preamble": {"$ref": "#/$defs/text"},
            "url": {"$ref": "#/$defs/url"},
            "source_url": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/url"}]}
          }
        },
        "level": {
          "type": "object", "additionalProperties": false, "required": ["depth", "name", "plural", "slug", "name_assigned", "numbers_assigned"],
          "properties": {"depth": {"type": "integer", "minimum": 0}, "name": {"type": "string"}, "plural": {"type": "string"}, "slug": {"type": "string"},
                         "name_assigned": {"type": "boolean", "description": "The document numbers this level's items but does not name the level: name and plural are the site's words."},
                         "numbers_assigned": {"type": "boolean", "description": "The document prints this level's items without numbers: every number is the site's."}}
        },
        "abbreviation": {
          "type": "object", "additionalProperties": false, "required": ["abbr", "full", "defined"],
          "properties": {"abbr": {"type": "string"}, "full": {"type": "string"}, "defined": {"type": "boolean"}}
        },
        "amount": {
          "type": "object", "additionalProperties": false, "required": ["year", "amount", "dash"],
          "description": "One year of a line. amount is null when the document prints a dash (dash: true). Years the document leaves empty are absent.",
          "properties": {"year": {"type": "integer"}, "amount": {"$ref": "#/$defs/optional_money"}, "dash": {"type": "boolean"}}
        },
        "line": {
          "type": "object", "additionalProperties": false, "required": ["source", "source_printed", "amounts"],
          "properties": {
            "source": {"$ref": "#/$defs/id", "description": "Normalised source id from budget.sources."},
            "source_printed": {"type": "string", "description": "The source as the document spells it."},
            "amounts": {"type": "array", "items": {"$ref": "#/$defs/amount"}}
          }
        },
        "stated_totals": {
          "oneOf": [{"type": "null"}, {
            "type": "object", "additionalProperties": false, "required": ["origin", "label", "source_lines", "lines"],
            "description": "A total or subtotal block as printed in the document.",
            "properties": {
              "origin": {"const": "stated", "description": "Stated in the document."},
              "label": {"$ref": "#/$defs/text"}, "source_lines": {"$ref": "#/$defs/source_lines"},
              "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}}
            }
          }]
        },
        "computed_totals": {
          "type": "object", "additionalProperties": false,
          "required": ["origin", "by_source_year", "by_year", "by_source", "total", "funded_measures"],
          "description": "Sums of the measures' rows, computed by PlanPress.",
          "properties": {
            "origin": {"const": "computed", "description": "Computed by the site from the measure rows; the document does not state these figures."},
            "by_source_year": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["source", "year", "amount"],
              "properties": {"source": {"$ref": "#/$defs/id"}, "year": {"type": "integer"}, "amount": {"$ref": "#/$defs/money"}}
            }},
            "by_year": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["year", "amount"],
              "properties": {"year": {"type": "integer"}, "amount": {"$ref": "#/$defs/optional_money"}}
            }},
            "by_source": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["source", "amount"],
              "properties": {"source": {"$ref": "#/$defs/id"}, "amount": {"$ref": "#/$defs/optional_money"}}
            }},
            "total": {"$ref": "#/$defs/optional_money"},
            "funded_measures": {"type": "integer", "minimum": 0}
          }
        },
        "check": {
          "type": "object", "additionalProperties": false,
          "required": ["scope", "goal", "label", "source", "source_printed", "year", "stated", "computed", "difference", "matches", "rows", "measures", "source_lines"],
          "description": "A stated total next to the sum of the rows it covers. stated is null when rows have money in a source the stated block leaves out.",
          "properties": {
            "scope": {"enum": ["plan", "goal"]},
            "goal": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
            "label": {"$ref": "#/$defs/text"},
            "source": {"$ref": "#/$defs/id"},
            "source_printed": {"$ref": "#/$defs/text"},
            "year": {"type": "integer"},
            "stated": {"$ref": "#/$defs/optional_money"},
            "computed": {"$ref": "#/$defs/money"},
            "difference": {"$ref": "#/$defs/money", "description": "computed − stated."},
            "matches": {"type": "boolean"},
            "rows": {"type": "integer", "minimum": 0},
            "measures": {"type": "array", "items": {"type": "string"}, "description": "Numbers of the measures the total covers."},
            "source_lines": {"$ref": "#/$defs/source_lines", "description": "The lines that print the stated total."}
          }
        },
        "budget": {
          "type": "object", "additionalProperties": false,
          "required": ["unit", "years", "sources", "stated_totals", "computed_totals", "checks", "mismatches"],
          "properties": {
            "unit": {"type": "string"},
            "years": {"type": "array", "items": {"type": "integer"}},
            "sources": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["id", "name", "spellings"],
              "properties": {"id": {"$ref": "#/$defs/id"}, "name": {"type": "string"}, "spellings": {"type": "array", "items": {"type": "string"}}}
            }},
            "stated_totals": {"$ref": "#/$defs/stated_totals"},
            "computed_totals": {"$ref": "#/$defs/computed_totals"},
            "checks": {"type": "array", "items": {"$ref": "#/$defs/check"}},
            "mismatches": {"type": "array", "items": {"$ref": "#/$defs/check"}}
          }
        },
        "goal": {
          "type": "object", "additionalProperties": false,
          "required": ["id", "number", "printed_number", "level", "depth", "title", "lines", "corrections", "url", "measures", "budget", "goals"],
          "properties": {
            "id": {"$ref": "#/$defs/id"},
            "number": {"type": "string"},
            "printed_number": {"$ref": "#/$defs/text"},
            "level": {"type": "string"},
            "depth": {"type": "integer", "minimum": 0},
            "title": {"type": "string", "description": "The title as published: the printed text with the corrections applied."},
            "lines": {"$ref": "#/$defs/source_lines"},
            "corrections": {"$ref": "#/$defs/corrections"},
            "url": {"$ref": "#/$defs/url"},
            "measures": {"type": "array", "items": {"type": "string"}, "description": "Numbers of the measures directly under this goal."},
            "budget": {
              "oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": false, "required": ["stated_totals", "computed_totals"],
                "properties": {"stated_totals": {"$ref": "#/$defs/stated_totals"}, "computed_totals": {"$ref": "#/$defs/computed_totals"}}
              }]
            },
            "goals": {"type": "array", "items": {"$ref": "#/$defs/goal"}}
          }
        },
        "term": {
          "type": "object", "additionalProperties": false, "required": ["printed", "same_as_row_above", "reading", "reading_basis", "reading_from", "kind", "start", "end", "due", "frequency"],
          "properties": {
            "printed": {"$ref": "#/$defs/text", "description": "What the row's own cell prints; null when it is empty (also when the value is the row above's)."},
            "same_as_row_above": {"type": "boolean", "description": "The value is taken from the row above (see reading_basis)."},
            "reading": {"$ref": "#/$defs/text", "description": "For a cell that continues the row above: the value taken from there, which kind/start/end/due read."},
            "reading_basis": {"enum": [null, "reading", "file"], "description": "reading: the cell is empty in the extracted text and the site reads it as merged (the site's reading, which may be wrong); file: the Word file marks the cell as merged."},
            "reading_from": {"$ref": "#/$defs/text", "description": "The number of the measure whose cell holds the value."},
            "kind": {"enum": ["not-stated", "years", "quarter", "month", "during-year", "recurring"]},
            "start": {"$ref": "#/$defs/month"},
            "end": {"$ref": "#/$defs/month"},
            "due": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/date"}]},
            "frequency": {"enum": [null, "ongoing", "monthly", "quarterly", "yearly", "scheduled"]}
          }
        },
        "reporter": {
          "type": "object", "additionalProperties": false, "required": ["kind", "name", "executor"],
          "properties": {"kind": {"enum": ["official", "civil-society"]}, "name": {"type": "string"}, "executor": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]}}
        },
        "status": {"enum": ["not-started", "in-progress", "completed", "partly-completed", "not-completed", "no-information"]},
        "period": {"type": "string", "pattern": "^[0-9]{4}(-H[12]|-Q[1-4])?$"},
        "voice_status": {"oneOf": [{"type": "null"}, {
          "type": "object", "additionalProperties": false, "required": ["status", "period", "report", "published"],
          "description": "One voice's latest assessment: the latest period its reports cover; of several reporters, the report published last.",
          "properties": {"status": {"$ref": "#/$defs/status"}, "period": {"$ref": "#/$defs/period"}, "report": {"type": "string"}, "published": {"$ref": "#/$defs/date"}}
        }]},
        "measure": {
          "type": "object", "additionalProperties": false,
          "required": ["number", "number_assigned", "printed_number", "url", "goal", "goal_path", "text", "lines", "corrections", "responsible", "term", "indicators", "results", "funding", "monitoring"],
          "properties": {
            "number": {"type": "string"},
            "number_assigned": {"type": "boolean", "description": "The document prints this item without a number: the number was assigned by the site."},
            "printed_number": {"$ref": "#/$defs/text"},
            "url": {"$ref": "#/$defs/url"},
            "goal": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
            "goal_path": {"type": "array", "items": {"$ref": "#/$defs/id"}},
            "text": {"type": "string", "description": "The measure as published: the printed text with the corrections applied."},
            "lines": {"$ref": "#/$defs/source_lines"},
            "corrections": {"$ref": "#/$defs/corrections"},
            "responsible": {
              "oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": false, "required": ["printed", "same_as_row_above", "reading", "reading_basis", "reading_from", "executors"],
                "properties": {
                  "printed": {"$ref": "#/$defs/text", "description": "What the row's own cell prints; null when it is empty (also when the value is the row above's)."},
                  "same_as_row_above": {"type": "boolean", "description": "The bodies are taken from the row above (see reading_basis); executors are then that cell's."},
                  "reading": {"$ref": "#/$defs/text", "description": "For a cell that continues the row above: the cell taken from there, as printed."},
                  "reading_basis": {"enum": [null, "reading", "file"], "description": "reading: the site's reading of an empty extracted cell; file: the Word file marks the cell as merged."},
                  "reading_from": {"$ref": "#/$defs/text", "description": "The number of the measure whose cell holds the value."},
                  "executors": {"type": "array", "items": {
                    "type": "object", "additionalProperties": false, "required": ["id", "consent"],
                    "properties": {"id": {"$ref": "#/$defs/id"}, "consent": {"type": "boolean"}}
                  }}
                }
              }]
            },
            "term": {"$ref": "#/$defs/term"},
            "indicators": {"type": "array", "items": {"type": "string"}},
            "results": {"type": "array", "items": {"type": "string"}},
            "funding": {
              "type": "object", "additionalProperties": false, "required": ["status", "printed", "lines", "total", "total_origin"],
              "properties": {
                "status": {"enum": ["stated", "not-needed", "within-existing", "not-stated"]},
                "printed": {"$ref": "#/$defs/text"},
                "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}},
                "total": {"$ref": "#/$defs/optional_money", "description": "Sum of the lines, computed by the site."},
                "total_origin": {"const": "computed"}
              }
            },
            "monitoring": {
              "type": "object", "additionalProperties": false, "required": ["official", "civil_society", "disputed", "due", "term_passed", "history"],
              "properties": {
                "official": {"$ref": "#/$defs/voice_status", "description": "The official reports' latest status, or null when none mentions the measure."},
                "civil_society": {"$ref": "#/$defs/voice_status", "description": "The civil-society reports' latest status, or null when none mentions the measure."},
                "disputed": {"type": "boolean", "description": "The statuses shown for the measure differ (between the voices, or between reporters of one voice)."},
                "due": {"type": "boolean"},
                "term_passed": {"type": "boolean", "description": "The term (as the site reads it) has ended and no report says the measure is completed; it says nothing of whether the measure was carried out."},
                "history": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false, "required": ["period", "status", "report", "reporter", "published", "narrative", "evidence", "reply_to"],
                  "properties": {
                    "period": {"$ref": "#/$defs/period"}, "status": {"$ref": "#/$defs/status"}, "report": {"type": "string"},
                    "reporter": {"$ref": "#/$defs/reporter"}, "published": {"$ref": "#/$defs/date"},
                    "narrative": {"$ref": "#/$defs/text", "description": "What the report says about the measure (Markdown, as written)."},
                    "evidence": {"type": "array", "items": {
                      "type": "object", "additionalProperties": false, "required": ["title", "url"],
                      "properties": {"title": {"type": "string"}, "url": {"type": "string"}}
                    }},
                    "reply_to": {"$ref": "#/$defs/text", "description": "The report whose assessment of the same measure this entry answers (right of reply), or null."}
                  }
                }}
              }
            }
          }
        },
        "indicator": {
          "type": "object", "additionalProperties": false, "required": ["id", "measure", "text", "url", "target", "values"],
          "properties": {
            "id": {"type": "string"},
            "measure": {"type": "string"},
            "text": {"type": "string"},
            "url": {"$ref": "#/$defs/url"},
            "target": {
              "oneOf": [{"type": "null"}, {
                "type": "object", "additionalProperties": false, "required": ["printed", "value", "unit", "comparator"],
                "properties": {
                  "printed": {"type": "string"}, "value": {"$ref": "#/$defs/optional_money"}, "unit": {"$ref": "#/$defs/text"},
                  "comparator": {"enum": [null, "at-least", "more-than", "at-most", "exactly", "about"], "description": "The comparison the document's words make: «не менше», «щонайменше» at-least; «понад», «більше» more-than; «не більше» at-most; «близько» about; null when the number is printed without such a word."}
                }
              }]
            },
            "values": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["date", "value", "unit", "report", "reporter", "breakdown", "note"],
              "properties": {
                "date": {"$ref": "#/$defs/date"}, "value": {"$ref": "#/$defs/money"}, "unit": {"$ref": "#/$defs/text"},
                "report": {"type": "string"}, "reporter": {"$ref": "#/$defs/reporter"},
                "breakdown": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false, "required": ["dimension", "group", "value"],
                  "properties": {"dimension": {"type": "string"}, "group": {"type": "string"}, "value": {"$ref": "#/$defs/money"}}
                }},
                "note": {"$ref": "#/$defs/text"}
              }
            }}
          }
        },
        "executor": {
          "type": "object", "additionalProperties": false, "required": ["id", "name", "short", "kind", "parent", "url", "measures"],
          "properties": {
            "id": {"$ref": "#/$defs/id"},
            "name": {"type": "string"},
            "short": {"$ref": "#/$defs/text"},
            "kind": {"enum": ["authority", "unit", "territorial-body", "official", "institution", "coordination-body", "civil-society", "international", "collective"]},
            "parent": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
            "url": {"$ref": "#/$defs/url"},
            "measures": {"type": "array", "items": {
              "type": "object", "additionalProperties": false, "required": ["number", "consent", "position"],
              "properties": {"number": {"type": "string"}, "consent": {"type": "boolean"}, "position": {"type": "integer", "minimum": 0, "description": "0 for the first-named body."}}
            }}
          }
        },
        "report": {
          "type": "object", "additionalProperties": false, "required": ["id", "period", "reporter", "published", "title", "summary"],
          "properties": {
            "id": {"type": "string"}, "period": {"$ref": "#/$defs/period"}, "reporter": {"$ref": "#/$defs/reporter"},
            "published": {"$ref": "#/$defs/date"}, "title": {"$ref": "#/$defs/text"}, "summary": {"$ref": "#/$defs/text"}
          }
        }
      }
    }

    """#
}
