#pragma once
// Functions the page (and the browser tests) may call on the running app.

#include <string>

namespace lowsky::web {

class App;
void attach_page_api(App* app);
void report_fatal(const std::string& message);  // shows the shell's error screen

}  // namespace lowsky::web
