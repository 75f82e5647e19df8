//! Output formats. Each renderer writes plain report data to a generic
//! writer; none of them reads files or knows about the article model.
