-- POST /api/ask with a rotation of patient questions (answered, clarify, fallback and urgent paths).
local questions = {
  "Does dry needling hurt?", "how many sessions will I need", "can I run the day after dry needling",
  "is it the same as acupuncture", "what are the side effects", "do you have parking",
  "does insurance cover it", "I can't breathe after my session", "will it help my heel pain",
}
local i = 0
request = function()
  i = i % #questions + 1
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" },
    '{"question":"' .. questions[i] .. '"}')
end
