/// `"auto"` or `"manual"` in explanations printed as JSON.
extension VerifyMode: Codable {}
