import AduanCore
import Testing

@testable import AduanRules

@Suite("Escalation ladders in the rules")
struct EscalationRulesTests {
    @Test("steps compile to EscalationStep values: anchor, sign, offset, action and quiet")
    func steps() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            priority "P1" { respond = 4 working_hours, escalation = "standar" }
            priority "P0" { when = text has phrase "korban jiwa", respond = 1 working_hours }
            escalation "standar" {
                step { at = respond_deadline - 1 working_day, do = notify("agency-head") }
                step {
                    at    = respond_deadline + 2 working_days
                    do    = reassign("biro-pemerintahan")
                    quiet = working_hours
                }
                step { at = resolve_deadline, do = mark_overdue }
                step { at = verify_deadline+30 minutes, do = raise("P0") }
                step { at = autoclose_deadline - 3 hours, do = notify("dlh"), quiet = working_hours }
            }
            otherwise { to = "diskominfo" }
            """
        )
        let ladder = try #require(rules.escalation(named: "standar"))
        #expect(ladder.name == "standar")
        #expect(
            ladder.steps == [
                EscalationStep(
                    anchor: .respond,
                    offset: WorkingDuration(1, .workingDays),
                    isBeforeAnchor: true,
                    action: .notify("agency-head")
                ),
                EscalationStep(
                    anchor: .respond,
                    offset: WorkingDuration(2, .workingDays),
                    isBeforeAnchor: false,
                    action: .reassign("biro-pemerintahan"),
                    isQuietOutsideWorkingHours: true
                ),
                EscalationStep(
                    anchor: .resolve,
                    offset: WorkingDuration(0, .minutes),
                    isBeforeAnchor: false,
                    action: .markOverdue
                ),
                EscalationStep(
                    anchor: .verify,
                    offset: WorkingDuration(30, .minutes),
                    isBeforeAnchor: false,
                    action: .raise("P0")
                ),
                EscalationStep(
                    anchor: .autoclose,
                    offset: WorkingDuration(3, .hours),
                    isBeforeAnchor: true,
                    action: .notify("dlh"),
                    isQuietOutsideWorkingHours: true
                ),
            ]
        )
        #expect(rules.escalation(named: "darurat") == nil)
    }

    @Test("every step error is reported at once, with positions and suggestions")
    func stepErrors() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                priority "P1" { respond = 4 working_hours, escalation = "standar" }
                escalation "standar" {
                    step { at = respond_dedline, do = notfy("agency-head") }
                    step { at = respond - 1 working_day, do = reassign("dpuprr"), quiet = office_hours }
                    step { at = respond_deadline-1, do = raise("P2") }
                    step { at = "resolve_deadline", do = mark_overdue() }
                    step { at = resolve_deadline + 0 working_days, do = notify, quiet = "working_hours" }
                    step "keras" { at = 2 working_days, do = notify("") }
                    step { do = notify("agency-head", "dlh"), when = always }
                    step { at = respond_deadline, do = "notify" }
                    stpe { at = respond_deadline }
                    at = respond_deadline
                }
                escalation "kosong" { }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:7:17: error: unknown deadline 'respond_dedline'",
                "rules/main.rules:7:39: error: unknown action 'notfy'",
                "rules/main.rules:8:17: error: unknown deadline 'respond'",
                "rules/main.rules:8:56: error: unknown agency 'dpuprr'",
                "rules/main.rules:8:75: error: 'quiet' can only be working_hours, found the word 'office_hours'",
                "rules/main.rules:9:17: error: 'respond_deadline-1' reads as one name, because names may contain '-'",
                "rules/main.rules:9:48: error: unknown priority 'P2'",
                "rules/main.rules:10:17: error: 'at' must be a deadline such as 'respond_deadline - 1 working_day', found a string",
                "rules/main.rules:10:42: error: 'mark_overdue' takes no arguments",
                "rules/main.rules:11:36: error: the offset from 'resolve_deadline' must be longer than 0, found '0 working_days'",
                "rules/main.rules:11:57: error: 'notify' needs an argument",
                "rules/main.rules:11:73: error: 'quiet' can only be working_hours, found a string",
                "rules/main.rules:12:10: error: 'step' takes no label",
                "rules/main.rules:12:25: error: 'at' must be a deadline such as 'respond_deadline - 1 working_day', found a duration",
                "rules/main.rules:12:53: error: the argument of 'notify' is empty",
                "rules/main.rules:13:5: error: step has no 'at'",
                "rules/main.rules:13:17: error: 'notify' takes one argument, found 2",
                "rules/main.rules:13:47: error: unknown key 'when' in step",
                "rules/main.rules:14:40: error: 'do' must be an action, found a string",
                "rules/main.rules:15:5: error: a 'stpe' block cannot appear inside escalation \"standar\"",
                "rules/main.rules:16:5: error: escalation \"standar\" holds only 'step { … }' blocks, not 'at = …'",
                "rules/main.rules:18:1: error: escalation \"kosong\" has no steps",
                "rules/main.rules:18:1: warning: escalation 'kosong' is never used",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "did you mean 'respond_deadline'?",
                "did you mean 'notify'?",
                "did you mean 'respond_deadline'?",
                "did you mean 'dpupr'?",
                "write 'quiet = working_hours', or leave 'quiet' out to act at any hour",
                "put spaces around '-': 'respond_deadline - 1 working_days'",
                "did you mean 'P1'?",
                "write it without quotes: 'at = resolve_deadline'",
                "write 'do = mark_overdue'",
                "write e.g. 'at = resolve_deadline + 1 working_day'",
                "write e.g. 'do = notify(\"agency-head\")'",
                "write 'quiet = working_hours' without quotes",
                "write 'step { at = respond_deadline - 1 working_day, do = notify(\"agency-head\") }'",
                "deadlines are verify_deadline, respond_deadline, resolve_deadline, autoclose_deadline",
                "write 'do = notify(\"agency-head\")'",
                "add 'at = respond_deadline - 1 working_day'",
                "write 'do = notify(\"agency-head\")'",
                "keys of a step block are at, do, quiet",
                "actions are notify(\"agency-head\"), reassign(\"agency-id\"), raise(\"P1\") and mark_overdue",
                "did you mean 'step'?",
                "put it inside a step: step { at = respond_deadline - 1 working_day, do = notify(\"agency-head\") }",
                "add 'step { at = respond_deadline - 1 working_day, do = notify(\"agency-head\") }'",
                "name it in a priority (escalation = \"kosong\") or remove it",
            ]
        )
    }

    @Test("a notify target close to an agency id is probably a typo: a warning, not an error")
    func notifyTypo() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                priority "P1" { escalation = "standar" }
                escalation "standar" {
                    step { at = respond_deadline, do = notify("dpuppr") }
                    step { at = respond_deadline, do = notify("kepala-dinas") }
                }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:7:47: warning: notify target 'dpuppr' is not an agency"
            ]
        )
        #expect(
            result.diagnostics.first?.help
                == "did you mean 'dpupr'? Targets that are not agencies are roles the daemon delivers"
        )
    }

    @Test("escalations and priorities may name each other before they are declared, across files")
    func forwardReferences() throws {
        let result = RuleFixtures.compile([
            "05.rules": """
            escalation "naik" { step { at = respond_deadline, do = raise("P1") } }
            """,
            "10.rules": RuleFixtures.agencies + """

                priority "P1" { when = text has phrase "banjir", escalation = "naik" }
                otherwise { to = "diskominfo" }
                """,
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        #expect(rules.escalation(named: "naik")?.steps.first?.action == .raise("P1"))
        #expect(rules.priority(named: "P1")?.escalation == "naik")
    }

    @Test("an escalation declared twice is an error pointing at the first")
    func duplicate() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                priority "P1" { escalation = "standar" }
                escalation "standar" { step { at = respond_deadline, do = mark_overdue } }
                escalation "standar" { step { at = resolve_deadline, do = mark_overdue } }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            RuleFixtures.summaries(result) == ["rules/main.rules:7:1: error: escalation 'standar' is declared twice"]
        )
        #expect(result.diagnostics.first?.help == "first declared at rules/main.rules:6:1")
    }
}
