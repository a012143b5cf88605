import Testing

@testable import AduanRules

@Suite("Formatting rule files")
struct RuleFormatterTests {
    /// Formats `text`, which must parse without errors, and checks that formatting the result changes nothing.
    private func format(_ text: String) throws -> String {
        let (document, diagnostics) = SyntaxParser.parse(text, path: "test.rules")
        try #require(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics, sources: ["test.rules": text]))")
        let formatted = RuleFormatter.format(document, source: text)
        let (again, againDiagnostics) = SyntaxParser.parse(formatted, path: "test.rules")
        #expect(againDiagnostics.isEmpty, "\(formatted)")
        #expect(RuleFormatter.format(again, source: formatted) == formatted, "not idempotent:\n\(formatted)")
        return formatted
    }

    @Test("blocks get one attribute a line, 4-space indentation, aligned '=' and one blank line between them")
    func blocks() throws {
        let formatted = try format(
            """
            agency "dpupr" { name = "Dinas PUPR", short = "DPUPR" }
            route "Jalan" {
              when = text has any jalan
                    to = "dpupr"


              verify = manual
            }
            escalation "standar" { step { at = respond_deadline - 1 working_days, do = notify("agency-head") }
            step { at = resolve_deadline + 2 working_day, do = mark_overdue } }
            otherwise {}
            """
        )
        #expect(
            formatted == """
                agency "dpupr" {
                    name  = "Dinas PUPR"
                    short = "DPUPR"
                }

                route "Jalan" {
                    when = text has any jalan
                    to   = "dpupr"

                    verify = manual
                }

                escalation "standar" {
                    step {
                        at = respond_deadline - 1 working_day
                        do = notify("agency-head")
                    }
                    step {
                        at = resolve_deadline + 2 working_days
                        do = mark_overdue
                    }
                }

                otherwise {}

                """
        )
    }

    @Test("strings are re-escaped canonically and keep their UTF-8 text")
    func strings() throws {
        let formatted = try format(#"agency "a\u{41}" { name = "Dinas \"Ké\"\\ \u{9}tab\u{202E}\u{1F600}" }"#)
        #expect(
            formatted == #"""
                agency "aA" {
                    name = "Dinas \"Ké\"\\ \ttab\u{202E}😀"
                }

                """#
        )
    }

    @Test("a list that fits stays on one line; a longer one gets one item a line with a comma after each")
    func lists() throws {
        let long = (1...12).map { "\"frasa nomor \($0)\"" }.joined(separator: ", ")
        let formatted = try format("list \"a\" { phrases = [\"x\",\n \"y\" ,] }\nlist \"b\" { phrases = [\(long)] }\n")
        let items = (1...12).map { "        \"frasa nomor \($0)\",\n" }.joined()
        #expect(
            formatted == """
                list "a" {
                    phrases = ["x", "y"]
                }

                list "b" {
                    phrases = [
                \(items)    ]
                }

                """
        )
    }

    @Test("a long condition gets one operand of its top chain a line, and an inner 'and' chain too if needed")
    func conditions() throws {
        let formatted = try format(
            """
            route "A" {
                when = text has any jalan_rusak and not text has phrase "lampu jalan rusak" and region in wilayah_banten_selatan
                to = "dpupr"
            }
            route "B" {
                to = "dpupr"
                when = (text has any banjir_bandang and region in wilayah_tangerang_raya and channel is "sms") or text has any longsor or ((always))
            }
            route "C" { when = (a or b) and (c and d) and not (e or f), to = "x" }
            """
        )
        #expect(
            formatted == """
                route "A" {
                    when = text has any jalan_rusak
                        and not text has phrase "lampu jalan rusak"
                        and region in wilayah_banten_selatan
                    to = "dpupr"
                }

                route "B" {
                    to = "dpupr"
                    when = text has any banjir_bandang and region in wilayah_tangerang_raya and channel is "sms"
                        or text has any longsor
                        or always
                }

                route "C" {
                    when = (a or b) and (c and d) and not (e or f)
                    to   = "x"
                }

                """
        )
    }

    @Test("an 'and' chain inside a long 'or' operand is split one level deeper")
    func nestedChains() throws {
        let formatted = try format(
            """
            priority "P1" {
                when = text has any banjir_bandang_besar and region in wilayah_tangerang_raya and channel is "sms" and reporter in pelapor_rentan or text has any longsor
            }
            """
        )
        #expect(
            formatted == """
                priority "P1" {
                    when = text has any banjir_bandang_besar
                            and region in wilayah_tangerang_raya
                            and channel is "sms"
                            and reporter in pelapor_rentan
                        or text has any longsor
                }

                """
        )
    }

    @Test("comments stay where they were: before blocks and attributes, after code, at the ends of blocks")
    func comments() throws {
        let formatted = try format(
            """
            # Header of the file.

            # About the agency.
            agency "dpupr" {   # after the brace
              # before name
              name = "Dinas PUPR"    # after name
              short = "DPUPR"
              # at the end of the block
            } # after the block
            # between blocks, no blank line
            route "A" { when = always, to = "dpupr" }
            # at the end of the file
            """
        )
        #expect(
            formatted == """
                # Header of the file.

                # About the agency.
                agency "dpupr" {  # after the brace
                    # before name
                    name  = "Dinas PUPR"  # after name
                    short = "DPUPR"
                    # at the end of the block
                }  # after the block

                # between blocks, no blank line
                route "A" {
                    when = always
                    to   = "dpupr"
                }

                # at the end of the file

                """
        )
    }

    @Test("comments inside a list force one item a line and stay with their items")
    func commentsInLists() throws {
        let formatted = try format(
            """
            list "jalan" {
                phrases = [ # roads
                    "jalan rusak",  # the common one
                    # holes
                    "berlubang",

                    "aspal mengelupas"
                    # more to come
                ] # end
            }
            """
        )
        #expect(
            formatted == """
                list "jalan" {
                    phrases = [  # roads
                        "jalan rusak",  # the common one
                        # holes
                        "berlubang",

                        "aspal mengelupas",
                        # more to come
                    ]  # end
                }

                """
        )
    }

    @Test("comments inside a condition keep it broken, each with its operand")
    func commentsInConditions() throws {
        let formatted = try format(
            """
            route "A" {
                when = text has any banjir  # floods
                    # landslides too
                    or text has any longsor or text has any angin
                to = "bpbd"  # the agency
            }
            """
        )
        #expect(
            formatted == """
                route "A" {
                    when = text has any banjir  # floods
                        # landslides too
                        or text has any longsor
                        or text has any angin
                    to = "bpbd"  # the agency
                }

                """
        )
    }

    @Test("a file with nothing but comments and blank lines keeps the comments")
    func onlyComments() throws {
        #expect(try format("\n\n# one\n\n\n# two\n\n") == "# one\n\n# two\n")
        #expect(try format("") == "")
    }
}
