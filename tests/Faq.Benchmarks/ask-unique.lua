-- POST /api/ask where every question is new: the rotation's questions with a different number each time, so no
-- cache can answer and every request runs the sentence-embedding model.
local questions = {
  "Does dry needling hurt?", "how many sessions will I need", "can I run the day after dry needling",
  "is it the same as acupuncture", "what are the side effects", "do you have parking",
  "does insurance cover it", "I can't breathe after my session", "will it help my heel pain",
}
local i = 0
local thread_id = 0
setup = function(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end
request = function()
  i = i + 1
  local question = questions[i % #questions + 1] .. " " .. thread_id .. "-" .. i
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, '{"question":"' .. question .. '"}')
end
