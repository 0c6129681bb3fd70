// The browser app's entry point.
#include <cstdio>

#include "app.h"
#include "page_api.h"
#include "platform.h"

int main() {
    static lowsky::web::App app;
    std::string error;
    if (!app.init(error)) {
        std::fprintf(stderr, "lowsky: %s\n", error.c_str());
        lowsky::web::report_fatal(error);
        return 1;
    }
    lowsky::web::attach_page_api(&app);
    lowsky::web::platform_run([] { app.frame(); });
    return 0;
}
