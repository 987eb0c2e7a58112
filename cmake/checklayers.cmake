# Closed layers, checked when the build is configured (and by ctest tst_layers): no file under
# views/ includes a header of repositories/, the SQLite part of the data layer. Views may include
# the SQL-free values of entities/ (library cwi_entities: entities, the catalog and schema map,
# write plans, the action catalogue, table queries, row records, the insight index's values);
# everything else reaches the data through models/.
#
# Includes that still break the rule are listed in views/layer-exceptions.txt, one
# "views/FILE -> repositories/HEADER" per line. That list may only shrink: a new include of a
# repository header fails, and so does a listed line that is no longer true (delete it).
#
#   cmake -DSOURCE_DIR=<top> -P cmake/checklayers.cmake

cmake_policy(SET CMP0057 NEW) # IN_LIST in script mode

function(cwi_check_layers source_dir)
    file(GLOB_RECURSE forbidden RELATIVE "${source_dir}/repositories" "${source_dir}/repositories/*.h")
    set(exceptions_file "${source_dir}/views/layer-exceptions.txt")
    set(exceptions "")
    if(EXISTS "${exceptions_file}")
        file(STRINGS "${exceptions_file}" lines)
        foreach(line IN LISTS lines)
            if(line MATCHES "^views/")
                list(APPEND exceptions "${line}")
            endif()
        endforeach()
    endif()
    file(GLOB_RECURSE view_files RELATIVE "${source_dir}" "${source_dir}/views/*.h" "${source_dir}/views/*.cpp")
    set(found "")
    set(violations "")
    foreach(view IN LISTS view_files)
        file(STRINGS "${source_dir}/${view}" includes REGEX "^#include \"[^\"]+\"")
        get_filename_component(view_dir "${source_dir}/${view}" DIRECTORY)
        foreach(include IN LISTS includes)
            string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" name "${include}")
            # A header next to the view file (or under views/) is the view's own, whatever its name.
            if(EXISTS "${view_dir}/${name}" OR EXISTS "${source_dir}/views/${name}")
                continue()
            endif()
            # Repository headers are included by their path under repositories/ or by their
            # file name (the include paths hold both).
            foreach(header IN LISTS forbidden)
                get_filename_component(header_name "${header}" NAME)
                if(name STREQUAL header OR name STREQUAL header_name)
                    set(entry "${view} -> repositories/${header}")
                    list(APPEND found "${entry}")
                    if(NOT entry IN_LIST exceptions)
                        list(APPEND violations "${entry}")
                    endif()
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(stale "")
    foreach(entry IN LISTS exceptions)
        if(NOT entry IN_LIST found)
            list(APPEND stale "${entry}")
        endif()
    endforeach()
    if(violations)
        list(JOIN violations "\n  " text)
        message(FATAL_ERROR "Layers: a view includes a repository header (go through models/ instead):\n  ${text}")
    endif()
    if(stale)
        list(JOIN stale "\n  " text)
        message(FATAL_ERROR "Layers: views/layer-exceptions.txt lists includes that are gone; delete these lines:\n  ${text}")
    endif()
    list(LENGTH found count)
    message(STATUS "Layers: views include no repository header beyond the ${count} listed in views/layer-exceptions.txt")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND SOURCE_DIR)
    cwi_check_layers("${SOURCE_DIR}")
endif()
